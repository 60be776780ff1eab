#include "handlers/spa_shell.hpp"

#include "core/text.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace cv::handlers {

std::optional<std::string> SpaShell::page() {
    std::error_code failed;
    auto changed = std::filesystem::last_write_time(path_, failed);
    if (failed) return html_.empty() ? std::nullopt : std::optional(html_);
    if (html_.empty() || changed != read_at_) {
        std::ifstream in(path_, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        if (!in && !in.eof()) return html_.empty() ? std::nullopt : std::optional(html_);
        html_ = content.str();
        read_at_ = changed;
    }
    return html_;
}

std::optional<std::string> SpaShell::page_for(const PagePreview& preview) {
    auto html = page();
    if (!html) return std::nullopt;
    std::string out = *html;
    std::string title = text::escape_markup(preview.title);
    std::string description = text::escape_markup(preview.description);
    // The page's own <title> and description replace the site's.
    if (auto open = out.find("<title>"); open != std::string::npos) {
        if (auto close = out.find("</title>", open); close != std::string::npos)
            out.replace(open + 7, close - open - 7, title + " · CineVerse");
    }
    if (auto meta = out.find("<meta name=\"description\""); meta != std::string::npos) {
        if (auto end = out.find('>', meta); end != std::string::npos)
            out.erase(meta, end + 1 - meta);
    }
    std::string tags = "<meta name=\"description\" content=\"" + description + "\" />\n";
    tags += "<link rel=\"canonical\" href=\"" + text::escape_markup(preview.url) + "\" />\n";
    auto property = [&tags](const char* name, const std::string& value) {
        tags += std::string("<meta property=\"") + name + "\" content=\"" + value + "\" />\n";
    };
    auto named = [&tags](const char* name, const std::string& value) {
        tags += std::string("<meta name=\"") + name + "\" content=\"" + value + "\" />\n";
    };
    property("og:site_name", "CineVerse");
    property("og:locale", "fr_FR");
    property("og:type", text::escape_markup(preview.type));
    property("og:title", title);
    property("og:description", description);
    property("og:url", text::escape_markup(preview.url));
    named("twitter:title", title);
    named("twitter:description", description);
    if (preview.image) {
        property("og:image", text::escape_markup(*preview.image));
        named("twitter:card", "summary_large_image");
        named("twitter:image", text::escape_markup(*preview.image));
    } else {
        named("twitter:card", "summary");
    }
    auto head_end = out.find("</head>");
    if (head_end == std::string::npos) return out;
    out.insert(head_end, tags);
    return out;
}

}  // namespace cv::handlers
