// Says plainly when the app cannot reach the server, and when it tries again.
import QtQuick
import QtQuick.Layouts
import BitMarket.Client

Rectangle {
    id: root
    readonly property bool offline: !Api.reachable || (!Realtime.online && Realtime.reconnectInSeconds > 0)

    implicitHeight: offline ? 40 : 0
    visible: implicitHeight > 0
    color: Theme.warningSoft
    clip: true
    Behavior on implicitHeight { NumberAnimation { duration: Theme.animationNormal } }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spaceM
        anchors.rightMargin: Theme.spaceS
        spacing: Theme.spaceS
        Icon { name: "offline"; color: Theme.warning; size: 18 }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: !Api.reachable
                  ? qsTr("Offline — cannot reach %1. Showing what was loaded.").arg(Api.serverUrl)
                  : qsTr("Live updates paused — reconnecting…")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        AppButton {
            kind: "quiet"
            text: qsTr("Retry now")
            implicitHeight: 32
            onClicked: Realtime.reconnectNow()
        }
    }
}
