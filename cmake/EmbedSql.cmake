# Compiles the numbered migrations in sql/ into the binary, so the service never depends on
# finding its SQL files at run time and a deployed binary always carries its own schema.
function(embed_sql output dir)
  file(GLOB files RELATIVE ${dir} CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT files)
  set(entries "")
  foreach(name IN LISTS files)
    file(READ ${dir}/${name} text)
    string(APPEND entries "    {\"${name}\", R\"cv_sql(${text})cv_sql\"},\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${dir}/${name})
  endforeach()
  file(WRITE ${output}.tmp
"// Generated from sql/*.sql by cmake/EmbedSql.cmake. Do not edit.
#include \"db/migrations.hpp\"

namespace cv::db {
const std::vector<Migration>& embedded_migrations() {
  static const std::vector<Migration> migrations{
${entries}  };
  return migrations;
}
}  // namespace cv::db
")
  configure_file(${output}.tmp ${output} COPYONLY)
endfunction()
