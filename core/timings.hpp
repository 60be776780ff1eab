#pragma once
// Where one request's time went, for the slow log: the database, the upstream (TMDB) and the
// password hash each count what they waited. Each moment goes to one part only: a TMDB call
// made inside a database transaction is the upstream's time, not the database's. One a
// worker, reset at each request.
#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

namespace cv {

class Timings {
  public:
    enum class Part : std::size_t { database, upstream, hashing };
    using Clock = std::chrono::steady_clock;

    Clock::duration of(Part part) const { return spent_[static_cast<std::size_t>(part)]; }
    void reset() { *this = Timings{}; }

  private:
    friend class Timed;
    // The part now being timed, and since when; returns the one it interrupts.
    std::optional<Part> enter(Part part, Clock::time_point now) {
        auto interrupted = active_;
        if (active_) spent_[static_cast<std::size_t>(*active_)] += now - since_;
        active_ = part;
        since_ = now;
        return interrupted;
    }
    void leave(std::optional<Part> resumed, Clock::time_point now) {
        if (active_) spent_[static_cast<std::size_t>(*active_)] += now - since_;
        active_ = resumed;
        since_ = now;
    }

    std::array<Clock::duration, 3> spent_{};
    std::optional<Part> active_;
    Clock::time_point since_{};
};

// Counts the time from its construction to its end as `part`'s (when there are timings).
class Timed {
  public:
    Timed(Timings* timings, Timings::Part part) : timings_(timings) {
        if (timings_) interrupted_ = timings_->enter(part, Timings::Clock::now());
    }
    ~Timed() {
        if (timings_) timings_->leave(interrupted_, Timings::Clock::now());
    }
    Timed(const Timed&) = delete;
    Timed& operator=(const Timed&) = delete;

  private:
    Timings* timings_;
    std::optional<Timings::Part> interrupted_;
};

}  // namespace cv
