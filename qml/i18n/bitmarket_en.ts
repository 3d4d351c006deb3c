<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuctionPanel</name>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>%n bid</numerusform><numerusform>%n bids</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n bidder(s)</source>
        <translation><numerusform>%n bidder</numerusform><numerusform>%n bidders</numerusform></translation>
    </message>
</context>
<context>
    <name>AuctionTermsDraft</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingCard</name>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>%n bid</numerusform><numerusform>%n bids</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingDraft</name>
    <message numerus="yes">
        <source>%n photo(s) could not be uploaded. Save again to retry.</source>
        <translation><numerusform>%n photo could not be uploaded. Save again to retry.</numerusform><numerusform>%n photos could not be uploaded. Save again to retry.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n character(s).</source>
        <translation><numerusform>Use at most %n character.</numerusform><numerusform>Use at most %n characters.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n tag(s).</source>
        <translation><numerusform>Use at most %n tag.</numerusform><numerusform>Use at most %n tags.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep each tag to %n character(s).</source>
        <translation><numerusform>Keep each tag to %n character.</numerusform><numerusform>Keep each tag to %n characters.</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingPage</name>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation><numerusform>%n view</numerusform><numerusform>%n views</numerusform></translation>
    </message>
</context>
<context>
    <name>MyBidsPage</name>
    <message numerus="yes">
        <source>%n bid(s)</source>
        <translation><numerusform>%n bid</numerusform><numerusform>%n bids</numerusform></translation>
    </message>
</context>
<context>
    <name>MyListingsPage</name>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation><numerusform>%n view</numerusform><numerusform>%n views</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n favorite(s)</source>
        <translation><numerusform>%n favorite</numerusform><numerusform>%n favorites</numerusform></translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation><numerusform>%n minute ago</numerusform><numerusform>%n minutes ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation><numerusform>%n hour ago</numerusform><numerusform>%n hours ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation><numerusform>Too many attempts. Try again in %n second.</numerusform><numerusform>Too many attempts. Try again in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation><numerusform>Notifications, %n unread</numerusform><numerusform>Notifications, %n unread</numerusform></translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message numerus="yes">
        <source>%n photo(s) chosen: the listing is full</source>
        <translation><numerusform>%n photo chosen: the listing is full</numerusform><numerusform>%n photos chosen: the listing is full</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) chosen</source>
        <translation><numerusform>%n photo chosen</numerusform><numerusform>%n photos chosen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>room for %n more</source>
        <translation><numerusform>room for %n more</numerusform><numerusform>room for %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation><numerusform>Add %n photo</numerusform><numerusform>Add %n photos</numerusform></translation>
    </message>
</context>
<context>
    <name>ModelProgress</name>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation><numerusform>about %n min left</numerusform><numerusform>about %n min left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation><numerusform>about %n h left</numerusform><numerusform>about %n h left</numerusform></translation>
    </message>
</context>
<context>
    <name>ListingGrid</name>
    <message numerus="yes">
        <source>That is all: %n listing(s)</source>
        <translation><numerusform>That is all: %n listing</numerusform><numerusform>That is all: %n listings</numerusform></translation>
    </message>
</context>
<context>
    <name>ChatsNavButton</name>
    <message numerus="yes">
        <source>Chats, %n unread</source>
        <translation><numerusform>Chats, %n unread</numerusform><numerusform>Chats, %n unread</numerusform></translation>
    </message>
</context>
</TS>
