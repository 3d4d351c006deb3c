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

QString newOrderedId(const char* prefix, qint64 nowMs) {
    // 64 characters in ASCII order, so that comparing the text compares the numbers.
    static constexpr char kSortable[] =
        "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    static_assert(sizeof(kSortable) == 65);
    const quint64 time = static_cast<quint64>(nowMs) & ((quint64(1) << 48) - 1);
    const quint64 random = QRandomGenerator::global()->generate64() & ((quint64(1) << 48) - 1);
    char text[16];
    for (int i = 0; i < 8; ++i) {
        text[7 - i] = kSortable[(time >> (6 * i)) & 63];
        text[15 - i] = kSortable[(random >> (6 * i)) & 63];
    }
    return QLatin1String(prefix) + u'_' + QLatin1String(text, sizeof(text));
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
