// How to shoot photos the server can turn into a good 3D model: shown once,
// the first time a seller adds photos, and again from the photo tips link.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.Dialog {
    id: dialog
    objectName: "shootingGuide"
    // Emitted after "Got it" (the photo picker opens next the first time).
    signal done()

    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 2 * Theme.spaceL : 520)
    modal: true
    // From the parts' own heights: the stock sum goes through contentHeight and the
    // header's implicit height, and wrapped text reflowing when the width changes (the
    // page is laid out) made it a binding loop.
    implicitHeight: topPadding + bottomPadding + contentItem.implicitHeight
                    + header.implicitHeight + footer.implicitHeight + 2 * spacing
    padding: Theme.spaceL
    topPadding: Theme.spaceM
    title: qsTr("Photos for a good 3D model")
    background: Rectangle { color: Theme.surfaceRaised; radius: Theme.radiusL; border.color: Theme.border }
    header: RowLayout {
        spacing: Theme.spaceS
        Item { Layout.preferredWidth: Theme.spaceL - Theme.spaceS }
        Icon { Layout.topMargin: Theme.spaceL; name: "camera"; size: 24; color: Theme.accent }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spaceL
            Layout.rightMargin: Theme.spaceL
            text: dialog.title
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
            color: Theme.text
        }
    }
    // One tip: an icon in a soft circle and a sentence. Four of them, written out, not a
    // Repeater over a list of texts: a retranslation rebuilt such delegates under the
    // layout and the next opening crashed in Qt 6.4's layout engine.
    component Tip: RowLayout {
        property alias icon: tipIcon.name
        property alias text: tipText.text
        Layout.fillWidth: true
        spacing: Theme.spaceM
        Rectangle {
            Layout.alignment: Qt.AlignTop
            width: 32
            height: 32
            radius: 16
            color: Theme.accentSoft
            Icon { id: tipIcon; anchors.centerIn: parent; size: 16; color: Theme.accent }
        }
        Text {
            id: tipText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            lineHeight: 1.2
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
    }
    contentItem: ColumnLayout {
        spacing: Theme.spaceM
        Tip { icon: "pin"; text: qsTr("Put the item on a plain table or floor, away from clutter, in soft even light: daylight from a window, no flash.") }
        Tip { icon: "rotate"; text: qsTr("Walk around it once at its height and once from a little above, a photo every step or two: 20 to 40 photos in all.") }
        Tip { icon: "image"; text: qsTr("Keep the whole item in the picture and sharp, filling most of it. Each photo should overlap the one before.") }
        Tip { icon: "alert"; text: qsTr("Do not move the item between photos. Shiny, see-through and very thin things come out rough.") }
    }
    footer: Item {
        implicitHeight: gotIt.implicitHeight + Theme.spaceL
        AppButton {
            id: gotIt
            objectName: "shootingGuideDone"
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.rightMargin: Theme.spaceL
            text: qsTr("Got it")
            onClicked: { dialog.accept(); dialog.done() }
        }
    }
}
