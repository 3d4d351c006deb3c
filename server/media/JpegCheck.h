// Reads a JPEG's entropy-coded data through libjpeg before it is decoded for
// real, keeping no pixels (it decodes at 1/8 scale). Qt's decoder reports
// success for data that ends early (libjpeg pads it with grey and only warns),
// and it cannot be stopped once started: a progressive JPEG can repeat scans
// over a large picture until one decode takes a minute. This pass sees every
// warning and stops as soon as the scans read cost more than the budget.
#pragma once

#include "bitmarket/Result.h"

#include <QByteArray>

namespace bitmarket::server::media {

class JpegCheck {
public:
    struct Limits {
        // Encoders write 1 scan (baseline) to about 12 (progressive, optimised).
        int maxScans = 40;
        // Each scan walks every block of the picture: scans x pixels is the work.
        // The 10 scans of a progressive 50-megapixel photo fit; 500 scans of a
        // 49-megapixel one (67 s to decode on a 2-core box) stop at the 11th.
        qint64 maxScanPixels = 500'000'000;
    };

    // validation_failed when the data ends early or is damaged, or when its scans
    // cost more than the limits allow (checked scan by scan, before the work).
    static Result<void> check(const QByteArray& jpeg, const Limits& limits);
};

} // namespace bitmarket::server::media
