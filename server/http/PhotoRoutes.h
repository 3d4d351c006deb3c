#pragma once

#include "auth/AuthService.h"
#include "http/Router.h"
#include "market/ListingPhotoUploads.h"

namespace bitmarket::server {

// POST /listings/{id}/photos (multipart), DELETE /listings/{id}/photos/{photoId}
void addPhotoRoutes(Router& router, AuthService& auth, ListingService& listings,
                    ListingPhotoUploads& uploads);

} // namespace bitmarket::server
