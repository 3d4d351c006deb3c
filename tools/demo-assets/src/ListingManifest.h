// manifest.json that the server's --demo mode reads to create listings for the items.
#pragma once

#include "ProductModel.h"

#include <string>
#include <vector>

class ListingManifest {
public:
    // Returns an empty string on success, otherwise what went wrong.
    static std::string write(const std::vector<ProductModel>& models, const std::string& path);
};
