; Inno Setup script for PeerBrief on Windows (build on Windows with Inno Setup 6:
;   cargo build --release && iscc assets\windows\peerbrief.iss
; Registers the .peerreview and .peerpack file types so a double-click opens PeerBrief.
; Not buildable on the Linux CI machine; see README "Windows".

#define AppName "PeerBrief"
#define AppVersion "0.1.0"
#define AppExe "peerbrief.exe"

[Setup]
AppId={{6A4F3C52-1D0B-4E55-9B6B-5B8B0E7C2F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=PeerBrief
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=peerbrief-{#AppVersion}-setup
SetupIconFile=peerbrief.ico
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\target\release\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\samples\*.peerreview"; DestDir: "{app}\samples"; Flags: ignoreversion
Source: "..\..\samples\*.peerpack"; DestDir: "{app}\samples"; Flags: ignoreversion skipifsourcedoesntexist
Source: "..\fonts\*"; DestDir: "{app}\licences"; Flags: ignoreversion skipifsourcedoesntexist

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
; File extensions -> ProgIDs
Root: HKA; Subkey: "Software\Classes\.peerreview"; ValueType: string; ValueName: ""; ValueData: "PeerBrief.Review"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.peerreview"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-peerbrief-review"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.peerreview\OpenWithProgids"; ValueType: string; ValueName: "PeerBrief.Review"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.peerpack"; ValueType: string; ValueName: ""; ValueData: "PeerBrief.Pack"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.peerpack\OpenWithProgids"; ValueType: string; ValueName: "PeerBrief.Pack"; ValueData: ""; Flags: uninsdeletevalue
; ProgIDs: name, icon and open command
Root: HKA; Subkey: "Software\Classes\PeerBrief.Review"; ValueType: string; ValueName: ""; ValueData: "PeerBrief peer review"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PeerBrief.Review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\PeerBrief.Review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\PeerBrief.Pack"; ValueType: string; ValueName: ""; ValueData: "PeerBrief committee pack"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PeerBrief.Pack\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\PeerBrief.Pack\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" list entry for the application itself
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".peerreview"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".peerpack"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
