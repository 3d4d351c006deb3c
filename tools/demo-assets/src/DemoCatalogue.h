// The twelve second-hand items the demo server is seeded with, modelled from primitives.
#pragma once

#include "ProductModel.h"

#include <vector>

class DemoCatalogue {
public:
    static std::vector<ProductModel> build();

private:
    static ProductModel ceramicMug();
    static ProductModel stonewareVase();
    static ProductModel oakStool();
    static ProductModel bluetoothSpeaker();
    static ProductModel acousticGuitar();
    static ProductModel bookStack();
    static ProductModel filmCamera();
    static ProductModel basketball();
    static ProductModel snakePlant();
    static ProductModel mechanicalKeyboard();
    static ProductModel feltHat();
    static ProductModel rubberDuck();
};
