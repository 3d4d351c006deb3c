// Writes a catalogue item as a self-contained glTF 2.0 binary: one mesh with a primitive per
// surface finish, all sharing the item's baked base-colour texture (embedded as JPEG).
#pragma once

#include "ProductModel.h"

#include <string>

class GlbExporter {
public:
    // Returns an empty string on success, otherwise what went wrong.
    static std::string write(const ProductModel& model, const std::string& path);
};
