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

bool is_text(const std::string& value) {
    return text::is_valid_utf8(value) && value.find('\0') == std::string::npos;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of a "\uXXXX" escape at `at`, or -1.
int escaped_unit(std::string_view raw, std::size_t at) {
    if (at + 6 > raw.size() || raw[at] != '\\' || raw[at + 1] != 'u') return -1;
    int unit = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
        int digit = hex_digit(raw[k]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

// Whether every surrogate escape of a string's source text is half of a pair, high then low.
// jsoncpp decodes a low surrogate alone to bytes that are not UTF-8 (found once decoded), but
// a high one followed by any escape to some code point: only the source shows the lie.
bool surrogates_pair_up(std::string_view raw) {
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') continue;
        int unit = escaped_unit(raw, i);
        if (unit < 0) {
            ++i;  // another escape: its character is not a backslash
            continue;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            int low = escaped_unit(raw, i + 6);
            if (low < 0xDC00 || low > 0xDFFF) return false;
            i += 6;
        }
        i += 5;
    }
    return true;
}

// The path of the first string (or member name) that is not text, or nullopt. `source` is
// the parsed text, where each value's own source lies (jsoncpp's offsets).
std::optional<std::string> first_non_text(const Json::Value& value, const std::string& path,
                                          std::string_view source) {
    if (value.isString()) {
        const char* begin = nullptr;
        const char* end = nullptr;
        value.getString(&begin, &end);
        auto start = static_cast<std::size_t>(value.getOffsetStart());
        auto limit = static_cast<std::size_t>(value.getOffsetLimit());
        bool paired = limit <= start || limit > source.size() ||
                      surrogates_pair_up(source.substr(start, limit - start));
        if (!paired || !is_text(std::string(begin, end))) return path.empty() ? "body" : path;
    } else if (value.isObject()) {
        for (const auto& name : value.getMemberNames()) {
            std::string member = path;
            if (!member.empty()) member += '.';
            member += name;
            if (!is_text(name)) return path.empty() ? "body" : path;
            if (auto found = first_non_text(value[name], member, source)) return found;
        }
    } else if (value.isArray()) {
        for (Json::ArrayIndex i = 0; i < value.size(); ++i) {
            if (auto found = first_non_text(value[i], path + "[" + std::to_string(i) + "]", source))
                return found;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string write(const Json::Value& value) {
    static const Json::StreamWriterBuilder settings = writer_settings();
    return Json::writeString(settings, value);
}

std::optional<Json::Value> parse(std::string_view text, ParseError* problem) {
    auto refuse = [problem](const char* reason, std::string field = {}) {
        if (problem) *problem = ParseError{reason, std::move(field)};
        return std::nullopt;
    };
    if (!text::is_valid_utf8(text)) return refuse("invalid UTF-8");
    static const Json::CharReaderBuilder settings = reader_settings();
    std::unique_ptr<Json::CharReader> reader(settings.newCharReader());
    Json::Value value;
    std::string errors;
    try {
        if (!reader->parse(text.data(), text.data() + text.size(), &value, &errors))
            return refuse("malformed JSON");
    } catch (const Json::Exception&) {  // stackLimit overflow throws
        return refuse("JSON nested too deeply");
    }
    if (auto field = first_non_text(value, "", text)) return refuse("not UTF-8 text", *field);
    return value;
}

std::optional<std::string> string_member(const Json::Value& object, const char* name) {
    if (!object.isObject() || !object.isMember(name) || !object[name].isString())
        return std::nullopt;
    return object[name].asString();
}

}  // namespace cv::json
