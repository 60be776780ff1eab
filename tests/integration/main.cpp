#define BOOST_TEST_MODULE cineverse_integration
#include <boost/test/unit_test.hpp>
