#include <boost/test/unit_test.hpp>
#include <string>

#include "core/bounded_memory.hpp"

BOOST_AUTO_TEST_SUITE(bounded_memory)

BOOST_AUTO_TEST_CASE(finds_what_it_remembers_and_the_latest_value_of_a_key) {
    cv::BoundedMemory<std::string> memory(3);
    BOOST_TEST(memory.find("movie/1") == nullptr);
    memory.remember("movie/1", "first");
    memory.remember("movie/1", "second");
    BOOST_REQUIRE(memory.find("movie/1") != nullptr);
    BOOST_TEST(*memory.find("movie/1") == "second");
    BOOST_TEST(memory.size() == 1u);
}

BOOST_AUTO_TEST_CASE(forgets_everything_when_a_new_key_would_pass_the_bound) {
    cv::BoundedMemory<int> memory(3);
    for (int i = 0; i < 3; ++i) memory.remember("k" + std::to_string(i), i);
    // A key it holds is replaced in place: nothing forgotten.
    memory.remember("k1", 10);
    BOOST_TEST(memory.size() == 3u);
    BOOST_TEST(*memory.find("k0") == 0);
    // A fourth key: the three are forgotten, the new one kept.
    memory.remember("k3", 3);
    BOOST_TEST(memory.size() == 1u);
    BOOST_TEST(memory.find("k0") == nullptr);
    BOOST_TEST(memory.find("k1") == nullptr);
    BOOST_REQUIRE(memory.find("k3") != nullptr);
    BOOST_TEST(*memory.find("k3") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
