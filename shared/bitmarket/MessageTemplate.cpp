#include "bitmarket/MessageTemplate.h"

namespace bitmarket {

QString filledTemplate(const QString& text, const QStringList& args) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'%') {
            // One or two digits, as QString::arg reads placeholders.
            qsizetype end = i + 1;
            qsizetype number = 0;
            while (end < text.size() && end < i + 3 && text[end] >= u'0' && text[end] <= u'9')
                number = number * 10 + (text[end++].unicode() - u'0');
            if (number >= 1 && number <= args.size()) {
                out += args[number - 1];
                i = end - 1;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace bitmarket
