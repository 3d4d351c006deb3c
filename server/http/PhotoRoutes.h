#pragma once

#include "http/Router.h"
#include "market/ListingPhotoUploads.h"

namespace bitmarket::server {

// POST /listings/{id}/photos (multipart), DELETE /listings/{id}/photos/{photoId}
void addPhotoRoutes(Router& router, ListingService& listings, ListingPhotoUploads& uploads);

} // namespace bitmarket::server
