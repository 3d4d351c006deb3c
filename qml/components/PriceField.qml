// A price typed by hand. Its thousands are grouped as everywhere else once the
// seller moves on ("180000" reads "180,000"): `groupedText` is what to keep.
import QtQuick

FormField {
    id: control
    inputMethodHints: Qt.ImhFormattedNumbersOnly
    // The text with its digits grouped, or as typed when it is not a whole number.
    readonly property string groupedText: {
        const digits = text.replace(/[,\s]/g, "")
        return /^[0-9]{1,15}$/.test(digits) ? Number(digits).toLocaleString(Qt.locale(), "f", 0) : text
    }
    // The amount typed, or -1 when there is none.
    readonly property real amount: {
        const digits = text.replace(/[,\s]/g, "")
        return /^[0-9]{1,15}$/.test(digits) ? Number(digits) : -1
    }
}
