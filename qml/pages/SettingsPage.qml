// Which server, which language, which theme; and the account.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "settingsPage"
    signal signInRequested()

    // The server used before the last switch, for the way back.
    property string previousServer
    ServerCheck {
        id: serverCheck
        onPassed: function (url) {
            page.previousServer = Settings.serverUrl.toString()
            Settings.serverUrl = url
        }
    }

    component Section: Rectangle {
        id: section
        default property alias content: column.data
        property string title
        Layout.fillWidth: true
        implicitHeight: column.implicitHeight + 2 * Theme.spaceL
        radius: Theme.radiusM
        color: Theme.surface
        border.color: Theme.border
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spaceL
            spacing: Theme.spaceM
            Text {
                textFormat: Text.PlainText
                text: section.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
        }
    }

    component Segmented: Row {
        id: seg
        property var options: []
        property string value
        signal picked(string value)
        spacing: 0
        Repeater {
            model: seg.options
            delegate: Basic.AbstractButton {
                id: option
                required property var modelData
                required property int index
                readonly property bool selected: seg.value === modelData.value
                implicitHeight: 36
                implicitWidth: Math.max(96, optionText.implicitWidth + Theme.spaceL)
                onClicked: seg.picked(modelData.value)
                background: Rectangle {
                    color: option.selected ? Theme.accent : (option.hovered ? Theme.surfaceSunken : Theme.surface)
                    border.color: option.selected ? Theme.accent : Theme.border
                    radius: Theme.radiusS
                }
                contentItem: Text {
                    id: optionText
                    textFormat: Text.PlainText
                    text: option.modelData.text
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: option.selected ? Theme.textOnAccent : Theme.text
                }
            }
        }
    }

    Basic.ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: Theme.spaceL
            width: Math.min(640, parent.width - 2 * Theme.spaceL)
            spacing: Theme.spaceM
            Text {
                textFormat: Text.PlainText
                Layout.topMargin: Theme.spaceL
                text: qsTr("Settings")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.Bold
                color: Theme.text
            }
            Section {
                title: qsTr("Server")
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("The BitMarket server this app talks to. Your sign-in is kept per server.")
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spaceS
                    FormField {
                        id: serverField
                        objectName: "serverField"
                        Layout.fillWidth: true
                        text: Settings.serverUrl
                        error: (text.length > 0 && !Settings.isValidServerUrl(text)) || serverCheck.errorMessage.length > 0
                        onAccepted: if (applyServer.enabled) applyServer.clicked()
                        onTextEdited: serverCheck.clear()
                    }
                    // Asked first: the app moves only to an address where a BitMarket server answers.
                    AppButton {
                        id: applyServer
                        objectName: "connectServerButton"
                        text: serverCheck.checking ? qsTr("Checking…") : qsTr("Connect")
                        busy: serverCheck.checking
                        enabled: !serverCheck.checking && Settings.isValidServerUrl(serverField.text)
                                 && serverField.text.trim() !== Settings.serverUrl.toString()
                        onClicked: serverCheck.check(serverField.text)
                    }
                }
                Text {
                    objectName: "serverCheckError"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: serverCheck.errorMessage.length > 0
                    text: serverCheck.errorMessage.length > 0
                          ? serverCheck.errorMessage + " " + qsTr("The app stays on %1.").arg(Settings.serverUrl)
                          : ""
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.danger
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: page.previousServer.length > 0 && page.previousServer !== Settings.serverUrl.toString()
                    spacing: Theme.spaceS
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("Switched from %1.").arg(page.previousServer)
                        elide: Text.ElideMiddle
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    AppButton {
                        objectName: "switchBackButton"
                        kind: "secondary"
                        text: qsTr("Switch back")
                        onClicked: {
                            const back = page.previousServer
                            page.previousServer = ""
                            Settings.serverUrl = back
                        }
                    }
                }
                Row {
                    spacing: Theme.spaceS
                    Rectangle {
                        width: 10
                        height: 10
                        radius: 5
                        anchors.verticalCenter: parent.verticalCenter
                        color: Realtime.online ? Theme.success : (Api.reachable ? Theme.warning : Theme.danger)
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: Realtime.online ? qsTr("Connected, live updates on")
                            : Api.reachable ? qsTr("Connected, live updates reconnecting")
                            : qsTr("Cannot reach the server")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                }
            }
            Section {
                title: qsTr("Appearance")
                Text { textFormat: Text.PlainText; text: qsTr("Theme"); font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; font.weight: Font.DemiBold; color: Theme.textMuted }
                Segmented {
                    value: Settings.theme
                    options: [{ value: "system", text: qsTr("System") }, { value: "light", text: qsTr("Light") }, { value: "dark", text: qsTr("Dark") }]
                    onPicked: function (value) { Settings.theme = value }
                }
                Text { textFormat: Text.PlainText; text: qsTr("Language"); font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; font.weight: Font.DemiBold; color: Theme.textMuted }
                Segmented {
                    value: Settings.language
                    options: [{ value: "system", text: qsTr("System") }, { value: "en", text: "English" }, { value: "ko", text: "한국어" }]
                    onPicked: function (value) { Settings.language = value }
                }
            }
            Section {
                title: qsTr("Account")
                Text {
                    textFormat: Text.PlainText
                    text: Session.signedIn ? qsTr("Signed in as %1 (@%2)").arg(Session.displayName).arg(Session.username)
                                           : qsTr("You are browsing without an account.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                AppButton {
                    objectName: "signOutButton"
                    kind: "secondary"
                    text: qsTr("Sign out")
                    iconName: "logout"
                    visible: Session.signedIn
                    onClicked: Session.signOut()
                }
                AppButton {
                    objectName: "settingsSignInButton"
                    text: qsTr("Sign in")
                    visible: !Session.signedIn
                    onClicked: page.signInRequested()
                }
            }
            Section {
                objectName: "alertSettings"
                title: qsTr("Notifications")
                visible: Session.signedIn
                AlertSettings {
                    id: alerts
                    objectName: "alertSettingsModel"
                    api: Api
                    Component.onCompleted: if (Session.signedIn) reload()
                }
                Connections {
                    target: Session
                    function onStateChanged() { if (Session.signedIn) alerts.reload() }
                }
                Connections {
                    target: page
                    function onVisibleChanged() { if (page.visible && Session.signedIn) alerts.reload() }
                }
                Text { textFormat: Text.PlainText; text: qsTr("Tell me about"); font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; font.weight: Font.DemiBold; color: Theme.textMuted }
                Repeater {
                    model: alerts.types
                    delegate: RowLayout {
                        required property string modelData
                        Layout.fillWidth: true
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: alerts.typeLabel(modelData)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                        Basic.Switch {
                            objectName: "mute_" + modelData
                            checked: alerts.mutedTypes.indexOf(modelData) < 0
                            onToggled: alerts.setMuted(modelData, !checked)
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Saved keywords (%1 of %2)").arg(alerts.count).arg(alerts.maxKeywords)
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; font.weight: Font.DemiBold; color: Theme.textMuted
                }
                Repeater {
                    model: alerts
                    delegate: RowLayout {
                        required property int index
                        required property string keyword
                        required property string detail
                        Layout.fillWidth: true
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Text { textFormat: Text.PlainText; text: keyword; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; color: Theme.text }
                            Text { textFormat: Text.PlainText; text: detail; font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; color: Theme.textMuted }
                        }
                        IconButton {
                            iconName: "trash"
                            tip: qsTr("Delete “%1”").arg(keyword)
                            onClicked: alerts.removeKeyword(index)
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spaceS
                    FormField {
                        id: keywordField
                        objectName: "keywordField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("A word to watch for, e.g. lamp or 자전거")
                        onAccepted: addKeyword.clicked()
                    }
                    AppButton {
                        id: addKeyword
                        text: qsTr("Add")
                        enabled: keywordField.text.trim().length > 0 && alerts.count < alerts.maxKeywords
                        onClicked: {
                            alerts.addKeyword(keywordField.text, "")
                            keywordField.text = ""
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: alerts.errorMessage.length > 0
                    text: alerts.errorMessage
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontCaption; color: Theme.danger
                }
            }
            Text {
                textFormat: Text.PlainText
                Layout.bottomMargin: Theme.spaceL
                text: qsTr("BitMarket %1").arg(Qt.application.version)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.textFaint
            }
        }
    }
}
