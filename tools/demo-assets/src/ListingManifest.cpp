#include "ListingManifest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

std::string ListingManifest::write(const std::vector<ProductModel>& models,
                                   const std::string& path) {
    auto text = [](const std::string& s) { return QString::fromUtf8(s.c_str()); };
    QJsonArray entries;
    for (const ProductModel& model : models) {
        const ListingDetails& l = model.listing;
        QJsonArray tags;
        for (const std::string& tag : l.tags) {
            tags.append(text(tag));
        }
        QJsonObject entry{
            {"slug", text(model.slug)},       {"title", text(l.title)},
            {"titleKo", text(l.titleKo)},     {"description", text(l.description)},
            {"category", text(l.category)},   {"condition", text(l.condition)},
            {"priceKrw", qint64(l.priceKrw)}, {"tags", tags},
            {"region", text(l.region)},       {"triangles", qint64(model.triangleCount())}};
        entries.append(entry);
    }
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return "could not write " + path;
    }
    file.write(QJsonDocument(entries).toJson(QJsonDocument::Indented));
    return {};
}
