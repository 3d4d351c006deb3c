// A listing's 3D model job ended for good: the model is ready, or it failed and will not be
// retried.
#pragma once

#include <QString>

namespace bitmarket::server {

struct ModelFinished {
    QString listingId;
    QString listingTitle;
    QString sellerId;
    QString jobId;
    bool ready = false;
    QString error; // why it failed; empty when ready
};

} // namespace bitmarket::server
