#pragma once

#include "http/Router.h"
#include "jobs/ModelJobService.h"

namespace bitmarket::server {

// POST /listings/{id}/model (seller starts photo -> 3D), GET /jobs/{id}
void addModelRoutes(Router& router, jobs::ModelJobService& models);

} // namespace bitmarket::server
