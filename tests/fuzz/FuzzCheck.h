// What the fuzz targets share: checks that stop the run (libFuzzer then keeps
// the input as a crash), the error invariants every reader must keep, and a
// quiet Qt log so that a run is not spent printing warnings.
#pragma once

#include "bitmarket/ApiError.h"

#include <cstddef>
#include <cstdint>

namespace bitmarket::fuzz {

// Aborts with `what` when `ok` is false.
void check(bool ok, const char* what);

// An error a reader returns: a known code, a message in both languages that
// holds every argument it was given verbatim, and a body that renders.
void checkError(const ApiError& error);

// Drops Qt's debug and warning output (decoders warn on every damaged input).
void quietQtLog();

} // namespace bitmarket::fuzz
