#pragma once
// The web client's entry page (index.html), as the worker answers it for a title's or a
// person's address: the same page the SPA always gets, with that page's title, description,
// canonical address and link-preview tags (Open Graph, Twitter), so that a link shared in a
// chat shows what it leads to without running JavaScript.
#include <filesystem>
#include <optional>
#include <string>

namespace cv::handlers {

// What a preview says of a page; every value is plain text, escaped where it is written.
struct PagePreview {
    std::string title;                 // "Nosferatu (1922)"
    std::string description;           // the overview, or a sentence about the page
    std::string url;                   // canonical, absolute
    std::string type;                  // Open Graph: video.movie, video.tv_show, profile, website
    std::optional<std::string> image;  // absolute
};

class SpaShell {
  public:
    // `index_html`: the built client's entry page (CINEVERSE_WEB_ROOT/index.html).
    explicit SpaShell(std::filesystem::path index_html) : path_(std::move(index_html)) {}

    // The page as built (read again when the file changes: a deployment replaces it); nullopt
    // when it cannot be read.
    std::optional<std::string> page();
    // The page with the preview's title, description and tags.
    std::optional<std::string> page_for(const PagePreview& preview);

  private:
    std::filesystem::path path_;
    std::filesystem::file_time_type read_at_{};
    std::string html_;
};

}  // namespace cv::handlers
