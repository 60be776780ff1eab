#pragma once
// A worker's memory of recent answers by key, bounded in entries whatever keys it is asked
// for. Past the bound it forgets everything at once: cheap, and enough for what lives
// seconds or minutes (a bound, not an LRU). How long a value is good for is the value's own
// business.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

namespace cv {

template <typename Value>
class BoundedMemory {
  public:
    explicit BoundedMemory(std::size_t most) : most_(most) {}

    // What is remembered for `key`, or nullptr.
    Value* find(const std::string& key) {
        auto it = values_.find(key);
        return it == values_.end() ? nullptr : &it->second;
    }
    void remember(const std::string& key, Value value) {
        if (values_.size() >= most_ && !values_.contains(key)) values_.clear();
        values_.insert_or_assign(key, std::move(value));
    }
    std::size_t size() const { return values_.size(); }

  private:
    std::size_t most_;
    std::unordered_map<std::string, Value> values_;
};

}  // namespace cv
