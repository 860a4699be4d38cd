; kami_desktop Windows installer (NSIS 3, Modern UI 2, Unicode).
;
; Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\kami_desktop
; The user's evidence data lives elsewhere, in %LOCALAPPDATA%\kami_desktop (platformdirs), and is
; kept on uninstall and upgrade unless the user ticks "also delete my data" (silent: /REMOVEDATA).
;
; Build, from the repository root (the folder is PyInstaller's onedir output of
; packaging/pyinstaller/kami_desktop.spec). makensis changes to this script's folder first, so every
; path given with /D must be absolute (cmd: %CD%\..., PowerShell: $PWD\...):
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 "/DSOURCE_DIR=%CD%\dist\kami-desktop"
;            [/DGUI_EXE=kami-desktop.exe] [/DCLI_EXE=kami.exe] ["/DAPP_ICON=%CD%\build\installer\kami_desktop.ico"]
;            ["/DOUTFILE=%CD%\dist\kami_desktop-0.1.0-setup.exe"] [/DVERSION_NUMERIC=0.1.0.0] [/DFAST]
;            packaging\windows\kami_desktop.nsi
; On Linux (packaging/build.sh) the same script is compiled with -D... against the Linux folder and
; GUI_EXE=kami-desktop, CLI_EXE=kami: that proves the script and the file list agree.
;
; Silent use:  setup.exe /S [/D=C:\path]      uninstall.exe /S [/REMOVEDATA]
; Exit codes:  2 bad folder, 3 a newer version is installed, 4 the app is running,
;              5 this Windows cannot run the app (32-bit, or older than Windows 10 1809)
;
; The system guard's inputs can be stubbed for tests (tests/packaging/test_nsis_script.py compiles
; such variants; the Windows workflow runs two): /DSTUB_IS64=0|1|2 /DSTUB_WIN_MAJOR=n /DSTUB_WIN_BUILD=n
; (STUB_IS64: 0 = 32-bit Windows, 1 = x64, 2 = ARM64)

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "pass the version: /DVERSION=x.y.z (packaging/build.sh reads it from pyproject.toml)"
!endif
!ifndef SOURCE_DIR
  !error "pass the PyInstaller folder: /DSOURCE_DIR=dist\kami-desktop"
!endif
!ifndef GUI_EXE
  !define GUI_EXE "kami-desktop.exe"
!endif
!ifndef CLI_EXE
  !define CLI_EXE "kami.exe"
!endif
!ifndef CONTENTS_DIR
  !define CONTENTS_DIR "_internal"
!endif
!ifndef OUTFILE
  !define OUTFILE "kami_desktop-${VERSION}-setup.exe"
!endif
!ifndef VERSION_NUMERIC
  !searchparse /noerrors "${VERSION}" "" _V_MAJOR "." _V_MINOR "." _V_PATCH
  !define VERSION_NUMERIC "${_V_MAJOR}.${_V_MINOR}.${_V_PATCH}.0"
!endif

!ifdef FAST
  SetCompress off            ; CI consistency check only: no time spent compressing
!else
  SetCompressor /SOLID lzma
!endif

; Qt 6 runs on 64-bit Windows 10 1809 (build 17763) and later only
!define MIN_WIN_MAJOR 10
!define MIN_WIN_BUILD 17763
; on ARM64 an x64 program runs only through Windows 11's emulation (Windows 10 on ARM emulates x86 only)
!define MIN_ARM64_BUILD 22000

!define APP_ID "kami_desktop"
!define APP_NAME "卡盟维权助手"
!define PUBLISHER "kami_desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; the window's settings (QSettings("kami_desktop", "kami-desktop")): removed with the data only
!define SETTINGS_KEY "Software\${APP_ID}"
!define UNINST_EXE "uninstall.exe"
!define SHORTCUT "${APP_NAME}.lnk"
; The user's data folder (platformdirs.user_data_dir("kami_desktop", roaming=False)). It is NOT the
; program folder. Only the optional un.RemoveData section below may delete it.
!define DATA_DIR "$LOCALAPPDATA\kami_desktop"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WordFunc.nsh
!include Sections.nsh
!include x64.nsh
!include WinVer.nsh

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

; ------------------------------------------------------------------ pages
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!ifdef APP_ICON
  !define MUI_ICON "${APP_ICON}"
  !define MUI_UNICON "${APP_ICON}"
!endif
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!define MUI_FINISHPAGE_TEXT_LARGE   ; room for the data-folder note above the "run" checkbox

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: the fallback when Windows' UI language is neither of the two.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!include /CHARSET=UTF8 "strings.nsh"

VIProductVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

; ------------------------------------------------------------------ installer
Section "$(SecProgram)" SecProgram
  SectionIn RO
  Call CheckInstDir
  Call CloseRunningApp
  Call RemovePrevious

  SetOutPath "$INSTDIR"
  ; explicit names: makensis fails if the PyInstaller folder does not have exactly these
  File "${SOURCE_DIR}\${GUI_EXE}"
  File "${SOURCE_DIR}\${CLI_EXE}"
  File /r "${SOURCE_DIR}\${CONTENTS_DIR}"
  WriteUninstaller "$INSTDIR\${UNINST_EXE}"

  CreateShortCut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINST_EXE}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINST_EXE}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortCut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(DescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ------------------------------------------------------------------ system guard
; The guard's inputs: the real system, or the values given with /DSTUB_... (tests only).
!ifdef STUB_IS64 | STUB_WIN_MAJOR | STUB_WIN_BUILD
  !ifndef STUB_IS64
    !error "stub all three: /DSTUB_IS64 /DSTUB_WIN_MAJOR /DSTUB_WIN_BUILD"
  !endif
  !ifndef STUB_WIN_MAJOR
    !error "stub all three: /DSTUB_IS64 /DSTUB_WIN_MAJOR /DSTUB_WIN_BUILD"
  !endif
  !ifndef STUB_WIN_BUILD
    !error "stub all three: /DSTUB_IS64 /DSTUB_WIN_MAJOR /DSTUB_WIN_BUILD"
  !endif
  ; what the guard below decides for these values, for the build log (the same thresholds)
  !if ${STUB_IS64} == 0
    !echo "system guard (stubbed): refuses: 32-bit Windows, exit code 5"
  !else if ${STUB_WIN_MAJOR} < ${MIN_WIN_MAJOR}
    !echo "system guard (stubbed): refuses: Windows ${STUB_WIN_MAJOR} older than 10, exit code 5"
  !else if ${STUB_WIN_BUILD} < ${MIN_WIN_BUILD}
    !echo "system guard (stubbed): refuses: build ${STUB_WIN_BUILD} older than ${MIN_WIN_BUILD}, exit code 5"
  !else if ${STUB_IS64} == 2
    !if ${STUB_WIN_BUILD} < ${MIN_ARM64_BUILD}
      !echo "system guard (stubbed): refuses: ARM64 build ${STUB_WIN_BUILD} older than ${MIN_ARM64_BUILD}, exit code 5"
    !else
      !echo "system guard (stubbed): accepts: ARM64 Windows ${STUB_WIN_MAJOR} build ${STUB_WIN_BUILD}"
    !endif
  !else
    !echo "system guard (stubbed): accepts: 64-bit Windows ${STUB_WIN_MAJOR} build ${STUB_WIN_BUILD}"
  !endif
!endif

; Refuse (exit code 5, silent or not) what the x64 build of Qt 6 cannot run on: 32-bit Windows, anything
; older than Windows 10 1809, and ARM64 Windows before 11. Without this the installer "succeeds" and the
; program fails at its first start. $0: 0 = 32-bit, 1 = x64, 2 = ARM64; $1 major version; $2 build.
Function CheckSystem
  !ifdef STUB_IS64
    StrCpy $0 "${STUB_IS64}"
    StrCpy $1 "${STUB_WIN_MAJOR}"
    StrCpy $2 "${STUB_WIN_BUILD}"
  !else
    StrCpy $0 0
    ${If} ${RunningX64}
      StrCpy $0 1
    ${ElseIf} ${IsNativeARM64}  ; this 32-bit installer is not WOW64 there: RunningX64 says no
      StrCpy $0 2
    ${EndIf}
    ${WinVerGetMajor} $1
    ${WinVerGetBuild} $2
  !endif
  ${If} $0 == 0
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
  ${If} $1 < ${MIN_WIN_MAJOR}
  ${OrIf} $2 < ${MIN_WIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10)" /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
  ${If} $0 == 2
  ${AndIf} $2 < ${MIN_ARM64_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin11Arm)" /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
FunctionEnd

Function .onInit
  Call CheckSystem
  SetShellVarContext current
  ; an installed newer version: ask before going back (its database may not open in this one)
  ReadRegStr $0 HKCU "${UNINST_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == 1
      MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(NewerInstalled)" /SD IDNO IDYES +3
      SetErrorLevel 3
      Abort
    ${EndIf}
  ${EndIf}
FunctionEnd

Function .onVerifyInstDir
  Call IsBadInstDir
  Pop $0
  ${If} $0 == 1
    Abort
  ${EndIf}
FunctionEnd

; Push 1 when $INSTDIR is the data folder, one of its parents, or inside it; else 0.
; (The uninstaller never deletes $INSTDIR recursively, but program and data stay apart anyway.)
Function IsBadInstDir
  Push $0
  Push $1
  Push $2
  StrCpy $2 0
  StrLen $0 "$INSTDIR"
  StrCpy $1 "${DATA_DIR}" $0            ; data dir cut to the length of INSTDIR
  ${If} $1 == "$INSTDIR"                ; INSTDIR is the data dir or a prefix of it
    StrCpy $1 "${DATA_DIR}" 1 $0        ; the next character of the data dir
    ${If} $1 == ""
    ${OrIf} $1 == "\"
      StrCpy $2 1
    ${EndIf}
  ${EndIf}
  StrLen $0 "${DATA_DIR}"
  StrCpy $1 "$INSTDIR" $0               ; INSTDIR cut to the length of the data dir
  ${If} $1 == "${DATA_DIR}"
    StrCpy $2 1
  ${EndIf}
  StrCpy $0 $2
  Pop $2
  Pop $1
  Exch $0
FunctionEnd

Function CheckInstDir
  Call IsBadInstDir
  Pop $0
  ${If} $0 == 1
    MessageBox MB_OK|MB_ICONSTOP "$(BadInstDir)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
FunctionEnd

; A running program locks its files: ask the user to close it (silent install: fail with code 4).
!macro _WaitUntilClosed UN
Function ${UN}CloseRunningApp
  ${Do}
    StrCpy $1 0
    ${If} ${FileExists} "$INSTDIR\${GUI_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${GUI_EXE}" a
      ${If} ${Errors}
        StrCpy $1 1
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${CLI_EXE}" a
      ${If} ${Errors}
        StrCpy $1 1
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} $1 == 0
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY +3
    SetErrorLevel 4
    Quit
  ${Loop}
FunctionEnd
!macroend
!insertmacro _WaitUntilClosed ""
!insertmacro _WaitUntilClosed "un."

; Upgrade in place: run the installed version's uninstaller silently (it keeps the user's data),
; in its own folder (_?=) so that ExecWait really waits for it.
Function RemovePrevious
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIfNot} ${FileExists} "$0\${UNINST_EXE}"
    Return
  ${EndIf}
  ReadRegStr $1 HKCU "${UNINST_KEY}" "DisplayVersion"
  DetailPrint "$(RemovingOld) $1 ($0)"
  ClearErrors
  ExecWait '"$0\${UNINST_EXE}" /S _?=$0' $2
  ${If} ${Errors}
  ${OrIf} $2 != 0
    DetailPrint "$(OldUninstallFailed) $2"
  ${EndIf}
  Delete "$0\${UNINST_EXE}"
  RMDir "$0"
FunctionEnd

; ------------------------------------------------------------------ uninstaller
Section "un.$(UnSecProgram)" UnSecProgram
  SectionIn RO
  Call un.CloseRunningApp
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  ; only what the installer put there: never a recursive delete of $INSTDIR itself
  RMDir /r "$INSTDIR\${CONTENTS_DIR}"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINST_EXE}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Optional, off by default; silent uninstall selects it only with /REMOVEDATA.
Section /o "un.$(UnSecData)" UnSecData
  ${IfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnConfirmData)" IDYES remove_data
    DetailPrint "$(UnDataKept) ${DATA_DIR}"
    Goto data_done
  ${EndIf}
  remove_data:
  DetailPrint "$(UnRemovingData) ${DATA_DIR}"
  RMDir /r "${DATA_DIR}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  data_done:
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "$(UnDescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(UnDescData)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  SetShellVarContext current
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} "$0" "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
