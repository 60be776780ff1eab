#include "fcgi/json.hpp"

#include <memory>

namespace cv::fcgi {
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

std::string to_json(const Json::Value& value) {
    static const Json::StreamWriterBuilder settings = writer_settings();
    return Json::writeString(settings, value);
}

std::optional<Json::Value> parse_json(std::string_view text, std::string* reason) {
    if (!is_valid_utf8(text)) {
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

bool is_valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned int cp = 0;
        unsigned int min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

}  // namespace cv::fcgi
