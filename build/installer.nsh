; Silent per-machine install with pre-configuration, for deployment tools:
;   "Frontdesk Setup 1.2.0.exe" /S /allusers /SERVER_URL=https://frontdesk.clinic.lan:8443 /ROLE=front_desk /LOCATION=Main /PAIRING_CODE=K7PQ-2M9X
; writes %ProgramData%\Frontdesk\config.json (main/config/machine-config.ts validates it at
; start-up). Values are written as given: they must not contain double quotes.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVER_URL=" $R1
  IfErrors frontdesk_config_done
  ${GetOptions} $R0 "/ROLE=" $R2
  ${GetOptions} $R0 "/LOCATION=" $R3
  ${GetOptions} $R0 "/PAIRING_CODE=" $R4
  SetShellVarContext all
  CreateDirectory "$APPDATA\Frontdesk"
  FileOpen $R5 "$APPDATA\Frontdesk\config.json" w
  FileWrite $R5 '{"serverUrl": "$R1", "deviceRole": "$R2"'
  StrCmp $R3 "" +2
  FileWrite $R5 ', "location": "$R3"'
  StrCmp $R4 "" +2
  FileWrite $R5 ', "pairingCode": "$R4"'
  FileWrite $R5 '}$\r$\n'
  FileClose $R5
  frontdesk_config_done:
!macroend
