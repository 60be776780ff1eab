#pragma once
// Work a worker does now and then between requests, whether or not traffic comes: each
// task runs at its interval, a failure is logged and retried at the next one.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace cv {

class Housekeeping {
  public:
    using Clock = std::chrono::steady_clock;

    void add(std::string name, std::chrono::milliseconds interval, std::function<void()> task);
    // Runs the tasks whose time has come; cheap when none has.
    void run_due(Clock::time_point now = Clock::now());

  private:
    struct Task {
        std::string name;
        std::chrono::milliseconds interval;
        std::function<void()> run;
        Clock::time_point due;
    };
    std::vector<Task> tasks_;
};

}  // namespace cv
