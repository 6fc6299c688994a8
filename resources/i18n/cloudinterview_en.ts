<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CloudInterview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;CloudInterview Desktop {version}&lt;/h2&gt;&lt;p&gt;Offline mock interviews: everything runs on this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Models in use&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Folders&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogTable</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size:.1f} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {ram:.1f} GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checksum is published for this file: the download cannot be verified against it, and the model is listed as unverified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download (unverified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Software engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontend engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SRE / DevOps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data / ML engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Junior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid-level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical (coding + theory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behavioral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer (hints cost score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutor (explains freely)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Code editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the editor…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeSafetyGuard</name>
    <message>
        <source>Isolation: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{guarantees}

Not protected: {gaps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For more isolation, install {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run your code without a sandbox?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no sandbox for the code you run here, so {gaps}

Only run code you have read and trust. Run it anyway? Your answer is remembered for this data folder.

To get a sandbox, install {install}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was run: you chose not to run code without a sandbox. Run or Submit asks again; to get a sandbox, install {install}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodingPanel</name>
    <message>
        <source>custom input line {number}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom input line {number}: write an object such as {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programming language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom input for Run, one JSON object per line: {&quot;nums&quot;: [1, 2], &quot;target&quot;: 3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run (Ctrl+&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on the examples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judging against the hidden tests…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}: {message}

Your interview data is saved. Details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationProgress</name>
    <message>
        <source>Writing your feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the model; your feedback keeps everything measured so far…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating your answers: question {number} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire band: &lt;b&gt;{band}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hire band: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough was scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Overall {figure}&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Strengths: what went well&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing reached a strong level with evidence yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Practise: {links}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Improvements: what to practise next&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No dimension scored low with evidence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Q{number} · {title}&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: &lt;b&gt;{verdict}&lt;/b&gt;, hidden tests {tests}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correctness: {evidence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complexity: {evidence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key points missed: {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;In your words:&lt;/b&gt; {quotes}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;How this was scored&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Hire band: {reason}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;{label} Feedback {origin}.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Delivery&lt;/h3&gt;&lt;p&gt;{answers} spoken answer(s), {pace} words per minute, {fillers} filler words, {pauses} long pause(s). &lt;i&gt;{note}&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Feedback {origin}.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Interview feedback&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Question by question&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open in {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Past sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behavioral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your sessions&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Interview mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: paste the job description to tailor the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Practise an interview&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Start an interview&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when:%Y-%m-%d %H:%M}  {mode}  {level} {job}  —  question {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}  —  open in {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview is running in another CloudInterview window or terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer (Ctrl+Enter to submit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a hint ({keys}); in interviewer style hints cost score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move on to the next question (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation with the interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the interviewer (Enter to send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to the interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sign}{minutes:02d}:{seconds:02d} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Question {number} of {total}&lt;/b&gt; · {kind} · {difficulty} · {topics}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint ({count} used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Interviewer&lt;/b&gt;&lt;br&gt;{text}▌&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Isolation</name>
    <message>
        <source>Sandboxed (bubblewrap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code runs in a bubblewrap sandbox: its own user (as root: an unprivileged uid), process, network, IPC and host-name namespaces; a new read-only root holding only /usr, /etc and the toolchains; a private /tmp and /dev/shm of 64 MB and its work folder writable; no home folder, no network, no view of or signal to your other programs. Time, memory, output, disk and process limits apply to every run, and everything the code starts is killed when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code shares your kernel (a kernel flaw could let it out) and can read the system folders /usr and /etc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandboxed (namespaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code runs in util-linux namespaces: its own user (as root: an unprivileged uid), mount, process, network, IPC and host-name namespaces; home folders, /tmp, /run and shared memory hidden behind empty in-memory folders; no network; every other folder read-only. Time, memory, output, disk and process limits apply to every run, and everything the code starts is killed when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code shares your kernel and can read the folders that are not hidden (the system, and data kept outside your home folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sandboxed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only limits: CPU time, memory, output, disk, open files and processes, a separate process group, a clean environment and a fresh work folder; what the code starts is killed when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code runs as you (as root on Linux: as &apos;nobody&apos; where it can): it can read, change and delete your files, reach the network and signal your other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system (Windows or macOS) has no sandbox for judged code: only a separate process group and, where the system has them, resource limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code runs as you: it can read, change and delete your files, reach the network and signal your other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bubblewrap on a Linux machine (Debian/Ubuntu: sudo apt install bubblewrap), for example a virtual machine, and judge code there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Edit item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The format is described in docs/problem-format.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c0392b&apos;&gt;Not saved:&lt;/b&gt; {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Restore your earlier data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of your data with {sessions} session(s) was set aside on {when:%d %b %Y at %H:%M}, and it is readable:
{path}

Restore it? What you saved since is kept and merged into it. If you say no, the copy stays on disk and `cloudinterview data restore` can bring it back later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored: {sessions} session(s) are back in your history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was not restored: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloudInterview is already open on this data but does not answer. Close it (or wait for it to finish), then start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CloudInterview cannot open your data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>End interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the interview now and see your feedback?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching the interviewer&apos;s model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this session with its answers, recordings and reports?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MicWidget</name>
    <message>
        <source>Hold to talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold to speak your answer (or Ctrl+R); with hands-free on, click once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stops by itself after a pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute the interviewer&apos;s voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading speech recognition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice input unavailable: {reason}. Typing works as usual.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Cannot read this model: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs about {ram:.1f} GiB of RAM with speech recognition and the voice ({fits}); suggested GPU offload: {layers}. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…/model.gguf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 from the model&apos;s download page (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Download a bigger model&lt;/b&gt; (only when you ask: nothing downloads by itself). Memory needed includes speech recognition and the voice; &lt;i&gt;this computer&lt;/i&gt; compares it with the memory free now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another model by its URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size:.0f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count:.2f} B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (unverified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now the interviewer&apos;s model; it loads and is checked when you close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: OK, checksum matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done:.1f} MB of {total:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name} from the list and delete its file if it is in the app&apos;s models folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and registering {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded and verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded (unverified: no published checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL and its SHA-256 checksum: a file is only kept if they match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemBrowser</name>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles and statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behavioral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your item “{title}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions (*.json *.jsonl *.csv *.jsonl.gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: nothing will be added…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {added} problems; {skipped} records were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: the bank is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <source>Where you stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practise the weakest area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;{when:%d %b}&lt;/td&gt;&lt;td&gt;{mode}&lt;/td&gt;&lt;td&gt;{job}&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;{score}&lt;/b&gt; / 100&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Trend over these sessions: &lt;b&gt;+{trend:.0f}&lt;/b&gt; points — keep going.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Trend over these sessions: &lt;b&gt;{trend:.0f}&lt;/b&gt; points.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your last sessions&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No weak spot stands out in your recent sessions.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Weakest lately: {label}&lt;/b&gt;, {level:.1f} of 4 over {sessions} session(s). A short interview ({count} questions) works on it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Weakest lately: {label}&lt;/b&gt;, {level:.1f} of 4 over {sessions} session(s). A short interview ({count} question) works on it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress over sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} scored session(s), latest {score:.0f} of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} scored session(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your scores appear here after your first interview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores out of 100 (rubric levels 1-4 scaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest rubric ({when:%d %b})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rubric dimension was scored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>the report could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RubricModel</name>
    <message>
        <source>Dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence, or why it is not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it is computed: {mapping}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speak the interviewer&apos;s replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded SmolLM2-135M (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:11434/v1 (Ollama), empty = on-device model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire idle sessions after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is in &lt;code&gt;{folder}&lt;/code&gt;. Start the app with CLOUDINTERVIEW_HOME=DIR to keep it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every session, answer, recording and report? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the answer or the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the code on the examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a hint (costs score in interviewer style)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message to the interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop speaking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupStatus</name>
    <message>
        <source>Loading the interviewer and the code editor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code editor ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this was scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {format}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Overall {score} &amp;middot; hire band: {band}&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format} files ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestsPanel</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output limit exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Hidden test {number}: {verdict}. Its input is not shown.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Test {number}: {verdict} ({time:.0f} ms)&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;&lt;br&gt;&lt;code&gt;{input}&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Expected&lt;/b&gt;&lt;br&gt;&lt;code&gt;{value}&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your output&lt;/b&gt;&lt;br&gt;&lt;code&gt;{value}&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Difference&lt;/b&gt;&lt;br&gt;&lt;code&gt;{diff}&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run your code on the examples, or submit it against the hidden tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{verdict}&lt;/b&gt; — {what}: {passed}/{total} passed · {time:.0f} ms · {memory:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden #{number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c0392b&apos;&gt;Could not run the code&lt;/b&gt;: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Interview started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Q{number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (level {level})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineDetails</name>
    <message>
        <source> — question {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;{mode} in {language}: &lt;b&gt;{verdict}&lt;/b&gt;, {passed}/{total} tests, {time} ms&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Recording: {path}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Spoken: {pace} words per minute, {fillers} filler words, talk time {talk} s&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Hint level {level} ({source})&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <source>no speech recognition model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice for the interviewer on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speech was heard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeCard</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;Everything you do here — answers, code, recordings and reports — stays on this computer. Nothing is sent anywhere.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{who}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A bigger language model makes a more conversational interviewer: &lt;i&gt;Settings → AI model&lt;/i&gt; lists models that fit this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CloudInterview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
