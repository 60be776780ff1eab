#pragma once
#include <string>
#include <vector>

#include "db/database.hpp"

namespace cv::db {

struct Migration {
    std::string name;  // "001_users.sql": the number orders them
    std::string sql;
};

// The migrations of sql/, compiled into the binary (see cmake/EmbedSql.cmake).
const std::vector<Migration>& embedded_migrations();

// Applies the pending migrations in order, each in its own transaction, recorded in
// schema_migrations. Safe when several processes start at once (advisory lock).
// Returns the names applied.
std::vector<std::string> migrate(Database& database, const std::vector<Migration>& migrations);

}  // namespace cv::db
