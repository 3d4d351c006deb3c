#include "PaymentSandboxProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace bitmarket::test {

PaymentSandboxProcess::PaymentSandboxProcess() {
    for (int i = 0; i < 32; ++i)
        m_secret.append(char('a' + QRandomGenerator::global()->bounded(26)));
    QFile secret(secretFile());
    secret.open(QIODevice::WriteOnly);
    secret.write(m_secret);
    QFile toss(tossKeyFile());
    toss.open(QIODevice::WriteOnly);
    toss.write(kTossSecretKey);
}

PaymentSandboxProcess::~PaymentSandboxProcess() {
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(3000);
    }
}

QString PaymentSandboxProcess::secretFile() const { return m_dir.filePath("webhook-secret"); }
QString PaymentSandboxProcess::tossKeyFile() const { return m_dir.filePath("toss-secret-key"); }

bool PaymentSandboxProcess::start(const QStringList& extraArgs) {
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setProgram(QStringLiteral(BITMARKET_BIN_DIR) + QStringLiteral("/bitmarket-payment-sandbox"));
    // Webhooks go nowhere until the server is up (sendWebhooksTo); retries come fast in tests.
    m_process->setArguments(QStringList{"--listen", "127.0.0.1:0", "--webhook-url",
                                        "http://127.0.0.1:9/", "--webhook-secret-file",
                                        secretFile(), "--toss-secret-key", kTossSecretKey,
                                        "--webhook-retry-ms", "200", "--webhook-retry-max-ms",
                                        "1000"} +
                            extraArgs);
    m_process->start();
    if (!m_process->waitForStarted(5000))
        return false;
    static const QRegularExpression line(QStringLiteral("payment sandbox on (http://\\S+)"));
    QByteArray output;
    QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        output += m_process->readAllStandardOutput();
        if (auto m = line.match(QString::fromUtf8(output)); m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            return true;
        }
    }
    qWarning("payment sandbox did not start: %s", output.constData());
    return false;
}

QStringList PaymentSandboxProcess::serverArgs() const {
    return {"--payment-provider", "sandbox", "--payment-api", m_url.toString(),
            "--payment-webhook-secret-file", secretFile()};
}

QStringList PaymentSandboxProcess::tossServerArgs() const {
    return {"--payment-provider", "toss", "--payment-api", m_url.toString(),
            "--toss-secret-key-file", tossKeyFile()};
}

bool PaymentSandboxProcess::control(const QJsonObject& switches) {
    HttpTestClient http(m_url);
    return http.post("/control", switches).status == 200;
}

bool PaymentSandboxProcess::sendWebhooksTo(const QUrl& server, const QString& provider) {
    QUrl hook = server;
    hook.setPath(QStringLiteral("/api/v1/payments/webhooks/") + provider);
    return control(QJsonObject{{"webhookUrl", hook.toString()}});
}

QUrl PaymentSandboxProcess::pay(const QString& checkoutUrl, const QString& card) {
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(checkoutUrl)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    request.setTransferTimeout(30'000);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("card"), card);
    QNetworkReply* reply = network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QUrl location(QString::fromUtf8(reply->rawHeader("Location")));
    reply->deleteLater();
    return location;
}

QJsonArray PaymentSandboxProcess::deliveries() {
    HttpTestClient http(m_url);
    return http.get("/control/deliveries").json().value("items").toArray();
}

QJsonArray PaymentSandboxProcess::payouts() {
    HttpTestClient http(m_url);
    return http.get("/control/payouts").json().value("items").toArray();
}

HttpResponse PaymentSandboxProcess::api(const QByteArray& method, const QString& path,
                                        const QJsonObject& body) {
    HttpTestClient http(m_url);
    http.setHeader("Authorization", "Bearer " + m_secret);
    return method == "GET" ? http.get(path) : http.post(path, body);
}

} // namespace bitmarket::test
