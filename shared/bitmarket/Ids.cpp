#include "bitmarket/Ids.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace bitmarket {

QString newId(const char* prefix) {
    QByteArray bytes(12, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 3);
    return QLatin1String(prefix) + u'_' +
           QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
}

bool looksLikeId(const QString& text) {
    if (text.size() < 3 || text.size() > 64)
        return false;
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

} // namespace bitmarket
