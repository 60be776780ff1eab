#include "app/housekeeping.hpp"

#include "core/log.hpp"

namespace cv {

void Housekeeping::add(std::string name, std::chrono::milliseconds interval,
                       std::function<void()> task) {
    // A worker's first round comes one interval after it starts: workers start together,
    // and a just-restarted pool has nothing to purge that the previous one left undone.
    tasks_.push_back({std::move(name), interval, std::move(task), Clock::now() + interval});
}

void Housekeeping::run_due(Clock::time_point now) {
    for (auto& task : tasks_) {
        if (now < task.due) continue;
        task.due = now + task.interval;
        try {
            task.run();
        } catch (const std::exception& e) {
            log::warn("housekeeping_failed", {{"task", task.name}, {"reason", e.what()}});
        }
    }
}

}  // namespace cv
