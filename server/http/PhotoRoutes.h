#pragma once

#include "http/Router.h"
#include "market/ListingPhotoUploads.h"

namespace bitmarket::server {

// POST /listings/{id}/photos (multipart, a body of up to `maxUploadBytes`),
// DELETE /listings/{id}/photos/{photoId}
void addPhotoRoutes(Router& router, ListingService& listings, ListingPhotoUploads& uploads,
                    std::size_t maxUploadBytes);

} // namespace bitmarket::server
