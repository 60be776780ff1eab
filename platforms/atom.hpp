#pragma once
// A user's news as an Atom 1.0 feed (RFC 4287), for a feed reader: one entry a change, in
// French, linking to the title's page on the site. Pure: no I/O.
#include <string>
#include <vector>

#include "platforms/store.hpp"

namespace cv::platforms {

struct FeedSite {
    std::string feed_id;    // the feed's own id, an IRI ("urn:uuid:<user id>")
    std::string origin;     // "https://cineverse.example": entries' ids and links are under it
    std::string self_path;  // the feed's own path ("/feeds/<token>.atom")
    std::string updated;    // when nothing is in the feed: the feed's <updated>, ISO 8601
};

// The entry's title: "« Robin Hood » arrive sur Bobine".
std::string entry_title(const NewsItem& item);
std::string atom_feed(const std::vector<NewsItem>& items, const FeedSite& site);

}  // namespace cv::platforms
