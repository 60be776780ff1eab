#define BOOST_TEST_MODULE cineverse_unit
#include <boost/test/unit_test.hpp>
