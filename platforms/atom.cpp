#include "platforms/atom.hpp"

#include "core/text.hpp"

namespace cv::platforms {
namespace {

std::string title_path(const NewsItem& item) {
    return (item.media_type == "tv" ? "/serie/" : "/film/") + std::to_string(item.title_id);
}

std::string provider_name(const NewsItem& item) {
    return item.provider ? item.provider->name : std::string("un service");
}

}  // namespace

std::string entry_title(const NewsItem& item) {
    std::string title = "« " + item.title + " »";
    if (item.kind == "arrived") return title + " arrive sur " + provider_name(item);
    if (item.kind == "left") return title + " quitte " + provider_name(item);
    if (item.kind == "in_cinemas") return title + " sort au cinéma";
    if (item.provider) return title + " est disponible à la location sur " + item.provider->name;
    return title + " est disponible à la location";
}

std::string atom_feed(const std::vector<NewsItem>& items, const FeedSite& site) {
    const std::string origin = text::escape_markup(site.origin);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n";
    out += "  <id>" + text::escape_markup(site.feed_id) + "</id>\n";
    out += "  <title>CineVerse — Nouveautés de ma liste</title>\n";
    out +=
        "  <subtitle>Ce qui change pour les titres de ma liste : arrivées et départs sur mes "
        "plateformes, sorties en salle, locations.</subtitle>\n";
    out += "  <updated>" + text::escape_markup(items.empty() ? site.updated : items.front().at) +
           "</updated>\n";
    out += "  <author><name>CineVerse</name></author>\n";
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + origin +
           text::escape_markup(site.self_path) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + origin + "/nouveautes\"/>\n";
    out += "  <generator>CineVerse</generator>\n";
    for (const auto& item : items) {
        const std::string title = text::escape_markup(entry_title(item));
        out += "  <entry>\n";
        out += "    <id>" + origin + "/nouveautes/" + std::to_string(item.id) + "</id>\n";
        out += "    <title>" + title + "</title>\n";
        out += "    <updated>" + text::escape_markup(item.at) + "</updated>\n";
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + origin +
               title_path(item) + "\"/>\n";
        out += "    <category term=\"" + text::escape_markup(item.kind) + "\"/>\n";
        out += "    <summary>" + title + ".</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace cv::platforms
