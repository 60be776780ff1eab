#pragma once
// When a film released in French cinemas may first be shown elsewhere: the *chronologie des
// médias*, as one table of data (release_windows.cpp) naming the agreement each window comes
// from. The dates are the earliest the rules allow, never a promise that a service will show
// the film then. Pure functions: no I/O.
#include <optional>
#include <string>
#include <vector>

namespace cv::catalogue {

struct ReleaseWindow {
    std::string channel;   // "rent_buy", "canal_plus", "svod_agreement", "svod", "free_tv"
    std::string earliest;  // YYYY-MM-DD
};

// The windows that open after a French theatrical release on `cinema` (YYYY-MM-DD); empty
// when the date is not one.
std::vector<ReleaseWindow> release_windows(const std::string& cinema);

// The rule the windows come from, for the page's wording ("Accord du 24 janvier 2022").
const std::string& release_windows_source();

}  // namespace cv::catalogue
