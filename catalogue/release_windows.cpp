#include "catalogue/release_windows.hpp"

#include <chrono>
#include <cstdio>

#include "core/text.hpp"

namespace cv::catalogue {
namespace {

struct Window {
    const char* channel;
    int months;  // after the theatrical release
    const char* rule;
};

// The agreement in force: "Accord pour le réaménagement de la chronologie des médias" of
// 24 January 2022 (extended by its signatories since), made binding by the arrêté of
// 4 February 2022. The next agreement is a change of this table and its source only.
constexpr const char* kSource =
    "Accord pour le réaménagement de la chronologie des médias du 24 janvier 2022 (arrêté du 4 "
    "février 2022)";
constexpr Window kWindows[] = {
    {"rent_buy", 4, "vente et location à l'acte (vidéo à la demande, DVD, Blu-ray): 4 mois"},
    {"canal_plus", 6,
     "service de cinéma payant lié par un accord avec les organisations du cinéma (Canal+): "
     "6 mois"},
    {"svod_agreement", 15,
     "service de vidéo à la demande par abonnement lié par un accord d'investissement "
     "(Netflix): 15 mois"},
    {"svod", 17, "autres services de vidéo à la demande par abonnement: 17 mois"},
    {"free_tv", 22, "chaîne de télévision gratuite qui investit dans le cinéma: 22 mois"},
};

std::optional<std::chrono::year_month_day> date_of(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = text::parse_integer(std::string_view(text).substr(0, 4), 1870, 2200);
    // (parse_integer refuses leading zeros: "05" is read by hand.)
    auto two = [&](std::size_t at) -> std::optional<long> {
        char a = text[at], b = text[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
        return (a - '0') * 10 + (b - '0');
    };
    auto month = two(5);
    auto day = two(8);
    if (!year || !month || !day) return std::nullopt;
    std::chrono::year_month_day date{std::chrono::year(static_cast<int>(*year)),
                                     std::chrono::month(static_cast<unsigned>(*month)),
                                     std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) return std::nullopt;
    return date;
}

// `months` later on the same day of the month, or the month's last day when it has no such
// day (31 August + 6 months is 28 or 29 February).
std::string months_after(std::chrono::year_month_day date, int months) {
    using namespace std::chrono;
    year_month shifted = year_month(date.year(), date.month()) + std::chrono::months(months);
    auto last = year_month_day_last(shifted.year(), month_day_last(shifted.month())).day();
    year_month_day out(shifted.year(), shifted.month(), std::min(date.day(), last));
    // (Room for any int: the compiler cannot know the year has four digits.)
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(out.year()),
                  static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()));
    return text;
}

}  // namespace

std::vector<ReleaseWindow> release_windows(const std::string& cinema) {
    std::vector<ReleaseWindow> windows;
    auto date = date_of(cinema);
    if (!date) return windows;
    for (const auto& window : kWindows)
        windows.push_back({window.channel, months_after(*date, window.months)});
    return windows;
}

const std::string& release_windows_source() {
    static const std::string source = kSource;
    return source;
}

}  // namespace cv::catalogue
