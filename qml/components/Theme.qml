// One palette, one type scale and an 8 px spacing grid for the whole app, in
// a light and a dark variant. "system" follows the desktop's palette.
pragma Singleton
import QtQuick
import BitMarket.Client

QtObject {
    readonly property bool dark: Settings.theme === "dark"
                                 || (Settings.theme === "system" && SystemTheme.dark)

    // Palette
    readonly property color background: dark ? "#111216" : "#F6F6F9"
    readonly property color surface: dark ? "#1B1C22" : "#FFFFFF"
    readonly property color surfaceRaised: dark ? "#24252D" : "#FFFFFF"
    readonly property color surfaceSunken: dark ? "#15161B" : "#EEEEF3"
    readonly property color border: dark ? "#2E2F38" : "#E2E2EA"
    readonly property color borderStrong: dark ? "#3D3E4A" : "#C9C9D4"
    readonly property color text: dark ? "#F2F2F7" : "#15151C"
    readonly property color textMuted: dark ? "#A0A1AE" : "#5D5E6C"
    readonly property color textFaint: dark ? "#6E6F7C" : "#8E8F9C"
    readonly property color accent: dark ? "#8579FF" : "#5B4CF0"
    readonly property color accentHover: dark ? "#9A90FF" : "#4B3CE0"
    readonly property color accentSoft: dark ? "#2A2750" : "#ECEAFE"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color heart: "#F0445A"
    readonly property color danger: dark ? "#FF6B6B" : "#D92D3A"
    readonly property color dangerSoft: dark ? "#3A1E22" : "#FDECEE"
    readonly property color success: dark ? "#4CC38A" : "#1E8E55"
    readonly property color successSoft: dark ? "#16302A" : "#E6F6EE"
    readonly property color warning: dark ? "#F5B84A" : "#B26B00"
    readonly property color warningSoft: dark ? "#3A2F1A" : "#FFF4DE"
    readonly property color scrim: dark ? "#CC000000" : "#B3000000"
    readonly property color viewport: dark ? "#1E1F26" : "#F4F4F8"

    // Type scale (px), one family with Hangul coverage
    readonly property string fontFamily: "Noto Sans CJK KR"
    readonly property int fontDisplay: 28
    readonly property int fontTitle: 20
    readonly property int fontHeading: 16
    readonly property int fontBody: 14
    readonly property int fontCaption: 12

    // Spacing on the 8 px grid
    readonly property int gridUnit: 8
    readonly property int spaceXs: 4
    readonly property int spaceS: 8
    readonly property int spaceM: 16
    readonly property int spaceL: 24
    readonly property int spaceXl: 32
    readonly property int spaceXxl: 48

    readonly property int radiusS: 8
    readonly property int radiusM: 12
    readonly property int radiusL: 16
    readonly property int controlHeight: 40

    readonly property int animationFast: 120
    readonly property int animationNormal: 200

    function iconSource(name, color) {
        return "image://icon/" + name + "/" + color.toString().substring(1)
    }
}
