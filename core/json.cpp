#include "core/json.hpp"

#include <memory>

#include "core/text.hpp"

namespace cv::json {
namespace {

Json::StreamWriterBuilder writer_settings() {
    Json::StreamWriterBuilder builder;
    builder["indentation"] = "";
    builder["emitUTF8"] = true;
    return builder;
}

Json::CharReaderBuilder reader_settings() {
    Json::CharReaderBuilder builder;
    Json::CharReaderBuilder::strictMode(&builder.settings_);
    builder["stackLimit"] = 64;
    return builder;
}

}  // namespace

std::string write(const Json::Value& value) {
    static const Json::StreamWriterBuilder settings = writer_settings();
    return Json::writeString(settings, value);
}

std::optional<Json::Value> parse(std::string_view text, std::string* reason) {
    if (!text::is_valid_utf8(text)) {
        if (reason) *reason = "invalid UTF-8";
        return std::nullopt;
    }
    static const Json::CharReaderBuilder settings = reader_settings();
    std::unique_ptr<Json::CharReader> reader(settings.newCharReader());
    Json::Value value;
    std::string errors;
    try {
        if (!reader->parse(text.data(), text.data() + text.size(), &value, &errors)) {
            if (reason) *reason = "malformed JSON";
            return std::nullopt;
        }
    } catch (const Json::Exception&) {  // stackLimit overflow throws
        if (reason) *reason = "JSON nested too deeply";
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> string_member(const Json::Value& object, const char* name) {
    if (!object.isObject() || !object.isMember(name) || !object[name].isString())
        return std::nullopt;
    return object[name].asString();
}

}  // namespace cv::json
