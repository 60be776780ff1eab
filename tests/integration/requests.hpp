#pragma once
// Request bodies the integration suites share.
#include <json/json.h>

#include <string>

#include "core/json.hpp"

namespace cv::it {

// A complete /register body; `extra` ("\"key\": value") is spliced in as further members.
inline std::string registration(const std::string& username,
                                const std::string& password = "correct horse",
                                const std::string& extra = "") {
    Json::Value body(Json::objectValue);
    body["username"] = username;
    body["password"] = password;
    body["email"] = username + "@example.org";
    body["first_name"] = "Ada";
    body["last_name"] = "Lovelace";
    body["phone_number"] = "+33 1 23 45 67 89";
    std::string text = cv::json::write(body);
    if (!extra.empty()) text = text.substr(0, text.size() - 1) + "," + extra + "}";
    return text;
}

}  // namespace cv::it
