#include "http/Router.h"

#include "http/Responses.h"

#include <QLoggingCategory>

#include <regex>

namespace bitmarket::server {

Q_LOGGING_CATEGORY(lcHttp, "bitmarket.http")

std::string Router::patternOf(const std::string& path) {
    static const std::regex parameter(R"(\{[A-Za-z]+\})");
    return std::regex_replace(path, parameter, "([^/]+)");
}

Router::Handler Router::guarded(Handler handler) const {
    // A bug in one handler must answer 500 with the usual error body, not kill a worker thread.
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        try {
            handler(req, res);
        } catch (const std::exception& e) {
            qCCritical(lcHttp) << "handler failed" << req.method.c_str() << req.path.c_str()
                               << e.what();
            sendError(res, ApiError::internal());
        }
    };
}

void Router::get(const std::string& path, Handler handler) {
    m_server.Get(patternOf(path), guarded(std::move(handler)));
    m_routes.push_back({"get", path});
}

void Router::post(const std::string& path, Handler handler) {
    m_server.Post(patternOf(path), guarded(std::move(handler)));
    m_routes.push_back({"post", path});
}

void Router::put(const std::string& path, Handler handler) {
    m_server.Put(patternOf(path), guarded(std::move(handler)));
    m_routes.push_back({"put", path});
}

void Router::patch(const std::string& path, Handler handler) {
    m_server.Patch(patternOf(path), guarded(std::move(handler)));
    m_routes.push_back({"patch", path});
}

void Router::del(const std::string& path, Handler handler) {
    m_server.Delete(patternOf(path), guarded(std::move(handler)));
    m_routes.push_back({"delete", path});
}

QString pathParam(const httplib::Request& request, int index) {
    if (index >= static_cast<int>(request.matches.size()))
        return {};
    return QString::fromStdString(request.matches[index].str());
}

} // namespace bitmarket::server
