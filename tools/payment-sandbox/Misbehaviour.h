// The switches that make the sandbox misbehave the ways real providers do. Set at start by
// flags and changed while it runs through POST /control; read by every request and delivery.
#pragma once

#include <QJsonObject>

#include <mutex>

namespace sandbox {

struct Switches {
    bool duplicateWebhooks = false;     // every event is delivered twice
    bool outOfOrderWebhooks = false;    // an event is held back until the next one went out
    bool webhookBeforeRedirect = false; // the checkout answers only once its webhook was answered
    bool webhooksPaused = false;        // deliveries wait (as if the network were down)
    int apiDelayMs = 0;                 // every API answer comes this late
    int apiFailures = 0;                // the next N API calls answer 500 and change nothing
    int payoutFailuresAfterPaying = 0;  // the next N payouts are paid but answer 500

    QJsonObject toJson() const {
        return {{"duplicateWebhooks", duplicateWebhooks},
                {"outOfOrderWebhooks", outOfOrderWebhooks},
                {"webhookBeforeRedirect", webhookBeforeRedirect},
                {"webhooksPaused", webhooksPaused},
                {"apiDelayMs", apiDelayMs},
                {"apiFailures", apiFailures},
                {"payoutFailuresAfterPaying", payoutFailuresAfterPaying}};
    }
    // Changes only the switches the object names.
    void apply(const QJsonObject& o) {
        auto flag = [&o](const char* name, bool& field) {
            if (o.contains(QLatin1String(name)))
                field = o.value(QLatin1String(name)).toBool();
        };
        auto number = [&o](const char* name, int& field) {
            if (o.contains(QLatin1String(name)))
                field = o.value(QLatin1String(name)).toInt();
        };
        flag("duplicateWebhooks", duplicateWebhooks);
        flag("outOfOrderWebhooks", outOfOrderWebhooks);
        flag("webhookBeforeRedirect", webhookBeforeRedirect);
        flag("webhooksPaused", webhooksPaused);
        number("apiDelayMs", apiDelayMs);
        number("apiFailures", apiFailures);
        number("payoutFailuresAfterPaying", payoutFailuresAfterPaying);
    }
};

// The switches behind a lock.
class Misbehaviour {
public:
    Switches now() const {
        std::lock_guard lock(m_mutex);
        return m_switches;
    }
    void apply(const QJsonObject& o) {
        std::lock_guard lock(m_mutex);
        m_switches.apply(o);
    }
    // Takes one of the API failures asked for; true when this call must fail.
    bool takeApiFailure() { return take(m_switches.apiFailures); }
    bool takePayoutFailure() { return take(m_switches.payoutFailuresAfterPaying); }

private:
    bool take(int& counter) {
        std::lock_guard lock(m_mutex);
        if (counter <= 0)
            return false;
        --counter;
        return true;
    }

    mutable std::mutex m_mutex;
    Switches m_switches;
};

} // namespace sandbox
