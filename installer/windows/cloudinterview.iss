; Inno Setup 6 script: installs the PyInstaller one-folder build (dist\cloudinterview\) on Windows 10/11 x64.
;
;   pyinstaller --noconfirm --distpath dist --workpath build installer\cloudinterview.spec
;   iscc /DAppVersion=0.1.0 installer\windows\cloudinterview.iss
;
; AppVersion comes from pyproject.toml; the CI step that calls iscc passes it (docs/installer.md shows how).
; Output: dist\CloudInterview-Setup-<version>.exe. Per-user install by default (no administrator rights needed);
; the user can choose an all-users install in the dialog.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z installer\windows\cloudinterview.iss
#endif
#define AppName "CloudInterview"
#define AppExe "cloudinterview.exe"
#define SourceDir "..\..\dist\cloudinterview"

[Setup]
; A fixed AppId keeps upgrades and uninstall working across versions: never change it.
AppId={{7B0F3C52-4E1D-4C8B-9D7A-2F6A1C9E5B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CloudInterview Desktop developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\cloudinterview.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=4
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the cloudinterview-cli command to PATH"; GroupDescription: "Command line:"; Flags: unchecked

[Files]
; The whole one-folder build: the two executables and _internal\ (Qt, WebEngine, models, problems.sqlite).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle completely (stale Qt or model files from an older version must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Per-user PATH entry for the console twin (the windowed exe has no console output).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}')); Flags: preservestringtype

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there: the user's sessions, settings and models live in the user data folder and stay.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
