#pragma once
// A person's page and a saga's (TMDB "collection"), as the contract shapes them from TMDB's
// one answer each. Pure functions: no I/O.
#include <optional>
#include <string>

namespace cv::catalogue {

// /person/{id}?append_to_response=combined_credits → the person and their credits merged per
// title (a person who directs and acts in one film is one entry, with its character and its
// jobs), newest first; nullopt when `tmdb_body` is not a person.
std::optional<std::string> person_page(const std::string& tmdb_body);
std::string person_page_query(const std::string& language);

// /collection/{id} → the saga and its parts in release order; nullopt when it is not one.
std::optional<std::string> collection_page(const std::string& tmdb_body);
std::string collection_page_query(const std::string& language);

}  // namespace cv::catalogue
