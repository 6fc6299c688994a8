// The C++ judge's runtime: LeetCode's ListNode/TreeNode, a small JSON reader and writer, conversions that follow
// the types the solution declares, per-test capture of stdout/stderr, and the test loop. The judge generates
// main.cpp: it includes this file, then the candidate's solution.cpp, then a `ci_run_test` for the signature.
// Input: a header file, then the tests on stdin, one array of arguments per line, the next only after this test's
// record went out (the parent times each test from outside). Output: JSON lines on a result fd.
#pragma once
// A guard as well: the precompiled header holds this file, and main.cpp includes it again by name.
#ifndef CI_JUDGE_RUNTIME_HPP
#define CI_JUDGE_RUNTIME_HPP
#if __has_include(<bits/stdc++.h>)
#include <bits/stdc++.h>
#else
#include <algorithm>
#include <array>
#include <bitset>
#include <cassert>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <sstream>
#include <stack>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
#endif
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace std;  // LeetCode compiles solutions with it

struct ListNode {
  int val;
  ListNode *next;
  ListNode() : val(0), next(nullptr) {}
  ListNode(int x) : val(x), next(nullptr) {}
  ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
  int val;
  TreeNode *left;
  TreeNode *right;
  TreeNode() : val(0), left(nullptr), right(nullptr) {}
  TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
  TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace ci_judge {

struct WrongType : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Json {
  enum Kind { Null, Bool, Int, Real, Str, Arr, Obj } kind = Null;
  bool b = false;
  long long i = 0;
  double d = 0;
  std::string s;
  std::vector<Json> a;
  std::vector<std::pair<std::string, Json>> o;

  const Json &at(size_t k) const {
    if (kind != Arr || k >= a.size()) throw BadInput("malformed test input");
    return a[k];
  }
  const Json *get(const std::string &key) const {
    for (const auto &kv : o)
      if (kv.first == key) return &kv.second;
    return nullptr;
  }
};

class Parser {
 public:
  explicit Parser(const std::string &text) : t_(text) {}
  Json parse() {
    Json v = value();
    ws();
    if (p_ != t_.size()) fail();
    return v;
  }

 private:
  const std::string &t_;
  size_t p_ = 0;
  [[noreturn]] void fail() { throw BadInput("malformed JSON in the test input"); }
  void ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t')) ++p_;
  }
  bool take(const char *word) {
    size_t n = std::strlen(word);
    if (t_.compare(p_, n, word) != 0) return false;
    p_ += n;
    return true;
  }
  static void utf8(std::string &out, unsigned cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }
  unsigned hex4() {
    if (p_ + 4 > t_.size()) fail();
    unsigned v = std::stoul(t_.substr(p_, 4), nullptr, 16);
    p_ += 4;
    return v;
  }
  std::string str() {
    std::string out;
    ++p_;  // opening quote
    while (true) {
      if (p_ >= t_.size()) fail();
      char c = t_[p_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (p_ >= t_.size()) fail();
      char e = t_[p_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && take("\\u")) cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          utf8(out, cp);
          break;
        }
        default: out += e;
      }
    }
  }
  Json value() {
    ws();
    if (p_ >= t_.size()) fail();
    Json v;
    char c = t_[p_];
    if (c == '[') {
      v.kind = Json::Arr;
      ++p_;
      ws();
      if (p_ < t_.size() && t_[p_] == ']') {
        ++p_;
        return v;
      }
      while (true) {
        v.a.push_back(value());
        ws();
        if (p_ < t_.size() && t_[p_] == ',') {
          ++p_;
          continue;
        }
        if (p_ < t_.size() && t_[p_] == ']') {
          ++p_;
          return v;
        }
        fail();
      }
    }
    if (c == '{') {
      v.kind = Json::Obj;
      ++p_;
      ws();
      if (p_ < t_.size() && t_[p_] == '}') {
        ++p_;
        return v;
      }
      while (true) {
        ws();
        if (p_ >= t_.size() || t_[p_] != '"') fail();
        std::string key = str();
        ws();
        if (p_ >= t_.size() || t_[p_] != ':') fail();
        ++p_;
        v.o.emplace_back(key, value());
        ws();
        if (p_ < t_.size() && t_[p_] == ',') {
          ++p_;
          continue;
        }
        if (p_ < t_.size() && t_[p_] == '}') {
          ++p_;
          return v;
        }
        fail();
      }
    }
    if (c == '"') {
      v.kind = Json::Str;
      v.s = str();
      return v;
    }
    if (take("null")) return v;
    if (take("true")) {
      v.kind = Json::Bool;
      v.b = true;
      return v;
    }
    if (take("false")) {
      v.kind = Json::Bool;
      return v;
    }
    size_t start = p_;
    bool real = false;
    while (p_ < t_.size() && std::strchr("+-0123456789.eE", t_[p_]) != nullptr) {
      if (t_[p_] == '.' || t_[p_] == 'e' || t_[p_] == 'E') real = true;
      ++p_;
    }
    if (start == p_) fail();
    std::string num = t_.substr(start, p_ - start);
    errno = 0;
    if (!real) {
      v.i = std::strtoll(num.c_str(), nullptr, 10);
      if (errno == 0) {
        v.kind = Json::Int;
        v.d = double(v.i);
        return v;
      }
    }
    v.kind = Json::Real;
    v.d = std::strtod(num.c_str(), nullptr);
    return v;
  }
};

inline std::string describe(const Json &j) {
  static const char *names[] = {"null", "a boolean", "an integer", "a number", "a string", "a list", "an object"};
  return names[j.kind];
}

// ---- JSON -> the solution's declared parameter types ------------------------------------------------------
template <class T, class Enable = void>
struct From {
  static_assert(sizeof(T) == 0, "the judge cannot pass this parameter type; use the types of the starter code");
};

template <class T>
struct From<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>> {
  static T get(const Json &j) {
    if (j.kind != Json::Int) throw BadInput("expected an integer argument, got " + describe(j));
    if (j.i < (long long)std::numeric_limits<T>::min() || (j.i > 0 && (unsigned long long)j.i >
                                                                          (unsigned long long)std::numeric_limits<T>::max()))
      throw BadInput("the value " + std::to_string(j.i) + " does not fit the declared integer type");
    return T(j.i);
  }
};
template <class T>
struct From<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T get(const Json &j) {
    if (j.kind == Json::Str && (j.s == "nan" || j.s == "inf" || j.s == "-inf"))
      return j.s == "nan" ? std::numeric_limits<T>::quiet_NaN()
                          : (j.s == "inf" ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity());
    if (j.kind != Json::Int && j.kind != Json::Real) throw BadInput("expected a number argument, got " + describe(j));
    return T(j.kind == Json::Int ? double(j.i) : j.d);
  }
};
template <>
struct From<bool> {
  static bool get(const Json &j) {
    if (j.kind != Json::Bool) throw BadInput("expected a boolean argument, got " + describe(j));
    return j.b;
  }
};
template <>
struct From<char> {
  static char get(const Json &j) {
    if (j.kind != Json::Str || j.s.size() != 1) throw BadInput("expected a one-character string argument");
    return j.s[0];
  }
};
template <>
struct From<std::string> {
  static std::string get(const Json &j) {
    if (j.kind != Json::Str) throw BadInput("expected a string argument, got " + describe(j));
    return j.s;
  }
};
template <class T>
struct From<std::vector<T>> {
  static std::vector<T> get(const Json &j) {
    if (j.kind != Json::Arr) throw BadInput("expected a list argument, got " + describe(j));
    std::vector<T> out;
    out.reserve(j.a.size());
    for (const auto &item : j.a) out.push_back(From<T>::get(item));
    return out;
  }
};
template <>
struct From<ListNode *> {
  static ListNode *get(const Json &j) {
    if (j.kind == Json::Null) return nullptr;
    std::vector<int> values = From<std::vector<int>>::get(j);
    ListNode *head = nullptr;
    for (size_t k = values.size(); k-- > 0;) head = new ListNode(values[k], head);
    return head;
  }
};
template <>
struct From<TreeNode *> {
  static TreeNode *get(const Json &j) {
    if (j.kind != Json::Arr || j.a.empty() || j.a[0].kind == Json::Null) return nullptr;
    auto make = [](const Json &v) { return new TreeNode(From<int>::get(v)); };
    TreeNode *root = make(j.a[0]);
    std::deque<TreeNode *> queue{root};
    size_t k = 1;
    while (!queue.empty() && k < j.a.size()) {
      TreeNode *node = queue.front();
      queue.pop_front();
      if (k < j.a.size() && j.a[k].kind != Json::Null) queue.push_back(node->left = make(j.a[k]));
      ++k;
      if (k < j.a.size() && j.a[k].kind != Json::Null) queue.push_back(node->right = make(j.a[k]));
      ++k;
    }
    return root;
  }
};

// ---- the solution's return values -> JSON -----------------------------------------------------------------
inline void put(std::string &out, const std::string &s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  out += '"';
}
inline void put(std::string &out, const char *s) { put(out, std::string(s ? s : "")); }
inline void put(std::string &out, bool b) { out += b ? "true" : "false"; }
inline void put(std::string &out, char c) { put(out, std::string(1, c)); }
template <class T>
std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>> put(std::string &out,
                                                                                                         T v) {
  out += std::to_string(v);
}
template <class T>
std::enable_if_t<std::is_floating_point_v<T>> put(std::string &out, T v) {
  if (std::isnan(v)) {
    out += "\"nan\"";
  } else if (std::isinf(v)) {
    out += v > 0 ? "\"inf\"" : "\"-inf\"";
  } else {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", double(v));
    out += buf;
  }
}
inline void put(std::string &out, ListNode *node) {
  out += '[';
  size_t n = 0;
  for (; node != nullptr; node = node->next) {
    if (n++) out += ',';
    out += std::to_string(node->val);
    if (n > 10000000) throw WrongType("the returned linked list has a cycle");
  }
  out += ']';
}
inline void put(std::string &out, TreeNode *root) {
  std::vector<TreeNode *> order;
  if (root != nullptr) order.push_back(root);
  for (size_t k = 0; k < order.size(); ++k) {
    if (order[k] == nullptr) continue;
    order.push_back(order[k]->left);
    order.push_back(order[k]->right);
    if (order.size() > 20000000) throw WrongType("the returned tree has a cycle");
  }
  while (!order.empty() && order.back() == nullptr) order.pop_back();
  out += '[';
  for (size_t k = 0; k < order.size(); ++k) {
    if (k) out += ',';
    out += order[k] ? std::to_string(order[k]->val) : "null";
  }
  out += ']';
}
inline void put(std::string &out, const std::vector<bool> &items) {
  out += '[';
  for (size_t k = 0; k < items.size(); ++k) {
    if (k) out += ',';
    out += items[k] ? "true" : "false";
  }
  out += ']';
}
template <class T>
void put(std::string &out, const std::vector<T> &items) {
  out += '[';
  bool first = true;
  for (const auto &item : items) {
    if (!first) out += ',';
    first = false;
    put(out, static_cast<const T &>(item));
  }
  out += ']';
}

// ---- calling the solution with arguments of its own declared types -----------------------------------------
struct Timer {
  std::chrono::steady_clock::time_point t0;
  double total_ms = 0;
  bool running = false;
  void start() {
    running = true;
    t0 = std::chrono::steady_clock::now();
  }
  void stop() {
    if (!running) return;
    total_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    running = false;
  }
};

template <class R, class Call>
std::string timed(Timer &timer, Call &&call) {
  if constexpr (std::is_void_v<R>) {
    timer.start();
    call();
    timer.stop();
    return "null";
  } else {
    timer.start();
    auto &&result = call();
    timer.stop();
    std::string out;
    put(out, result);
    return out;
  }
}

template <class... A, class F, size_t... I>
auto with_args(const Json &args, F &&f, std::index_sequence<I...>) {
  if (args.kind != Json::Arr || args.a.size() != sizeof...(A))
    throw BadInput("expected " + std::to_string(sizeof...(A)) + " arguments, the solution declares a different number");
  std::tuple<std::decay_t<A>...> values{From<std::decay_t<A>>::get(args.a[I])...};
  return f(values);
}

#define CI_MEMBER_INVOKE(QUALIFIERS)                                                                     \
  template <class C, class R, class... A>                                                                \
  std::string invoke(C &obj, R (C::*method)(A...) QUALIFIERS, const Json &args, Timer &timer) {          \
    return with_args<A...>(                                                                              \
        args,                                                                                            \
        [&](auto &values) {                                                                              \
          return timed<R>(timer, [&]() -> decltype(auto) {                                               \
            return std::apply([&](auto &...v) -> decltype(auto) { return (obj.*method)(v...); }, values); \
          });                                                                                            \
        },                                                                                               \
        std::index_sequence_for<A...>{});                                                                \
  }
CI_MEMBER_INVOKE()
CI_MEMBER_INVOKE(const)
CI_MEMBER_INVOKE(noexcept)
CI_MEMBER_INVOKE(const noexcept)
#undef CI_MEMBER_INVOKE

template <class C, class R, class... A>
std::string invoke(C &, R (*function)(A...), const Json &args, Timer &timer) {
  return with_args<A...>(
      args,
      [&](auto &values) {
        return timed<R>(timer, [&]() -> decltype(auto) {
          return std::apply([&](auto &...v) -> decltype(auto) { return function(v...); }, values);
        });
      },
      std::index_sequence_for<A...>{});
}

template <class T>
T arg(const Json &args, size_t k) {
  return From<T>::get(args.at(k));
}

// ---- per-test capture of fd 1 and 2 into files (RLIMIT_FSIZE turns a flood into SIGXFSZ: output limit) -----
class Capture {
 public:
  Capture() {
    out_ = ::open(".ci_stdout", O_RDWR | O_CREAT | O_TRUNC, 0600);
    err_ = ::open(".ci_stderr", O_RDWR | O_CREAT | O_TRUNC, 0600);
    saved_out_ = ::dup(1);
    saved_err_ = ::dup(2);
  }
  void begin() {
    flush();
    reset(out_);
    reset(err_);
    ::dup2(out_, 1);
    ::dup2(err_, 2);
  }
  void end(std::string &out, std::string &err) {
    flush();
    ::dup2(saved_out_, 1);
    ::dup2(saved_err_, 2);
    out = read(out_);
    err = read(err_);
  }

 private:
  int out_, err_, saved_out_, saved_err_;
  static void flush() {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
  }
  static void reset(int fd) {
    if (::ftruncate(fd, 0) != 0) return;
    ::lseek(fd, 0, SEEK_SET);
  }
  static std::string read(int fd) {
    const size_t cap = 8192;
    struct stat st{};
    ::fstat(fd, &st);
    std::string text(std::min<size_t>(cap, size_t(st.st_size)), '\0');
    ssize_t got = ::pread(fd, text.data(), text.size(), 0);
    text.resize(got > 0 ? size_t(got) : 0);
    if (size_t(st.st_size) > cap) text += "\n... (" + std::to_string(size_t(st.st_size) - cap) + " more bytes)";
    return text;
  }
};

class Reporter {
 public:
  explicit Reporter(int fd) : fd_(fd) {}
  void line(const std::string &text) {
    std::string data = text + "\n";
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
      if (n <= 0) std::_Exit(3);
      done += size_t(n);
    }
  }
  void result(int index, const char *status, const std::string &value_json, const std::string &error, double ms,
              const std::string &out, const std::string &err) {
    std::string rec = "{\"index\":" + std::to_string(index) + ",\"status\":\"" + status + "\",\"value\":" +
                      (value_json.empty() ? std::string("null") : value_json) + ",\"error\":";
    put(rec, error);
    char buf[48];
    std::snprintf(buf, sizeof buf, ",\"time_ms\":%.3f,\"stdout\":", ms);
    rec += buf;
    put(rec, out);
    rec += ",\"stderr\":";
    put(rec, err);
    rec += '}';
    line(rec);
  }

 private:
  int fd_;
};

using TestFn = std::string (*)(const Json &test, Timer &timer);

inline int main_loop(int argc, char **argv, TestFn run_test) {
  if (argc < 3) return 2;
  Reporter reporter(std::atoi(argv[2]));
  ::unlink(argv[1]);  // the header: nothing in it that the generated code does not already know
  // The tests' pipe moves off fd 0: the solution's own stdin reads nothing.
  FILE *tests = ::fdopen(::dup(0), "r");
  int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    ::dup2(null_fd, 0);
    ::close(null_fd);
  }
  Capture capture;
  reporter.line("{\"index\":-1,\"status\":\"ok\",\"value\":null,\"error\":\"\",\"time_ms\":0,\"stdout\":\"\",\"stderr\":\"\"}");
  int index = 0;
  char *buffer = nullptr;
  size_t capacity = 0;
  ssize_t length;
  while (tests != nullptr && (length = ::getline(&buffer, &capacity, tests)) >= 0) {
    std::string text(buffer, static_cast<size_t>(length));
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.empty()) continue;
    Timer timer;
    std::string value, error, out, err;
    const char *status = "ok";
    capture.begin();
    try {
      Json test = Parser(text).parse();
      value = run_test(test, timer);
    } catch (const WrongType &e) {
      status = "wrong_type";
      error = e.what();
    } catch (const BadInput &e) {
      status = "error";
      error = std::string("invalid argument: ") + e.what();
    } catch (const std::bad_alloc &) {
      status = "memory";
      error = "std::bad_alloc";
    } catch (const std::exception &e) {
      status = "error";
      error = std::string("uncaught exception: ") + e.what();
    } catch (...) {
      status = "error";
      error = "uncaught exception of a non-std type";
    }
    timer.stop();
    capture.end(out, err);
    reporter.result(index, status, std::strcmp(status, "ok") == 0 ? value : std::string(), error, timer.total_ms, out,
                    err);
    ++index;
  }
  struct rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  reporter.line("{\"event\":\"done\",\"max_rss_kb\":" + std::to_string(usage.ru_maxrss) + "}");
  return 0;
}

}  // namespace ci_judge

#endif  // CI_JUDGE_RUNTIME_HPP
