#include "app/job_kinds.hpp"

#include <algorithm>

#include "diary/imports.hpp"

namespace cv {

const std::vector<jobs::KindDefinition>& job_kinds() {
    // kind            attempts unique
    static const std::vector<jobs::KindDefinition> kinds = {
        {kOffersRefresh, 5, true},
        // One a Letterboxd import, queued with it (its own unique key names the import).
        {diary::kImportJobKind, diary::kImportJobAttempts, false},
    };
    return kinds;
}

const jobs::KindDefinition* find_job_kind(const std::string& name) {
    const auto& kinds = job_kinds();
    auto found = std::find_if(kinds.begin(), kinds.end(),
                              [&](const jobs::KindDefinition& kind) { return kind.name == name; });
    return found == kinds.end() ? nullptr : &*found;
}

}  // namespace cv
