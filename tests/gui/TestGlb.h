// Writes small glTF binary files for tests: a lumpy sphere with a chosen
// triangle count, so the 3D viewer and its benchmark have a real model
// before the demo catalogue carries any.
#pragma once

#include <QByteArray>

namespace bitmarket::test {

// A closed, slightly bumpy sphere of about `triangles` triangles and the given radius.
QByteArray makeSphereGlb(int triangles, float radius = 1.0f);

} // namespace bitmarket::test
