#include "jobs/backoff.hpp"

#include <algorithm>

namespace cv::jobs {

std::chrono::seconds Backoff::after(int attempt) const {
    auto wait = first;
    for (int i = 1; i < attempt && wait < most; ++i) wait *= 2;
    return std::clamp(wait, std::chrono::seconds(0), most);
}

}  // namespace cv::jobs
