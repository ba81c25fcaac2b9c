// The desk settings' strings, registered as their own namespace beside the desk's catalog
// (translate.ts registerCatalogs), like the print screens'. Spanish is typed against English.
import { screenCatalog } from '../i18n/screen-catalog';

const settingsEn = {
  'open': 'Settings',
  'title': 'Settings for this computer',
  'description': 'Kiosk tablets and printers. These settings belong to this front-desk computer only.',

  'kiosk.heading': 'Kiosk check-in',
  'kiosk.lan': 'Let kiosk tablets on the clinic network connect to this computer',
  'kiosk.lanHint': 'Off, the kiosk page is only reachable on this computer itself.',
  'kiosk.lanOff': 'Kiosk tablets cannot connect: the kiosk page is only on this computer.',
  'kiosk.lanOn': 'Tablets connect at {url}',
  'kiosk.fingerprint': 'Certificate fingerprint (check it on the tablet the first time): {fingerprint}',
  'kiosk.lanStarting': 'Starting…',
  'kiosk.problem.no_certificate': 'Tablets cannot connect: this computer has no certificate for the clinic network. Ask IT to configure one.',
  'kiosk.problem.listen_failed': 'Tablets cannot connect: the kiosk listener could not start (another program may use its port). The log has the details.',
  'kiosk.thisComputer': 'A kiosk window on this computer opens {url}',
  'kiosk.pairHeading': 'Pair a tablet',
  'kiosk.name': 'Tablet name',
  'kiosk.defaultName': 'Waiting room tablet',
  'kiosk.location': 'Location it checks patients in for',
  'kiosk.createCode': 'Create pairing code',
  'kiosk.code': 'Type this code on the tablet:',
  'kiosk.codeExpires': 'It works once, until {time}.',
  'kiosk.paired': 'Paired tablets',
  'kiosk.none': 'No tablet is paired with this computer.',
  'kiosk.pairedAt': 'paired {when}',
  'kiosk.unpair': 'Unpair',
  'kiosk.unpairNamed': 'Unpair {name}',
  'kiosk.unpaired': '{name} is unpaired; it cannot look up or check in anyone any more.',

  'printers.heading': 'Printers',
  'printers.noDirect': 'This computer prints by saving a PDF and printing it from your PDF viewer. Choosing a printer per document needs the desktop app.',
  'printers.for': 'Printer for: {document}',
  'printers.ask': 'No printer: save as PDF',
  'printers.saved': '{document}: {printer}.',
  'printers.cleared': '{document}: save as PDF.',
  'printers.missing': '{printer} (not found on this computer)',
} as const;

export type SettingsKey = keyof typeof settingsEn;

const settingsEs: { readonly [K in SettingsKey]: string } = {
  'open': 'Configuración',
  'title': 'Configuración de este equipo',
  'description': 'Tabletas de autoservicio e impresoras. Esta configuración es solo de este equipo de recepción.',

  'kiosk.heading': 'Registro de llegada en autoservicio',
  'kiosk.lan': 'Permitir que las tabletas de la red de la clínica se conecten a este equipo',
  'kiosk.lanHint': 'Si está desactivado, la página de autoservicio solo se abre en este equipo.',
  'kiosk.lanOff': 'Las tabletas no pueden conectarse: la página de autoservicio solo está en este equipo.',
  'kiosk.lanOn': 'Las tabletas se conectan en {url}',
  'kiosk.fingerprint': 'Huella del certificado (compruébela en la tableta la primera vez): {fingerprint}',
  'kiosk.lanStarting': 'Iniciando…',
  'kiosk.problem.no_certificate': 'Las tabletas no pueden conectarse: este equipo no tiene certificado para la red de la clínica. Pida a informática que configure uno.',
  'kiosk.problem.listen_failed': 'Las tabletas no pueden conectarse: el servicio de autoservicio no pudo iniciarse (puede que otro programa use su puerto). El registro tiene los detalles.',
  'kiosk.thisComputer': 'Una ventana de autoservicio en este equipo abre {url}',
  'kiosk.pairHeading': 'Vincular una tableta',
  'kiosk.name': 'Nombre de la tableta',
  'kiosk.defaultName': 'Tableta de la sala de espera',
  'kiosk.location': 'Sede para la que registra llegadas',
  'kiosk.createCode': 'Crear código de vinculación',
  'kiosk.code': 'Escriba este código en la tableta:',
  'kiosk.codeExpires': 'Funciona una vez, hasta las {time}.',
  'kiosk.paired': 'Tabletas vinculadas',
  'kiosk.none': 'No hay ninguna tableta vinculada a este equipo.',
  'kiosk.pairedAt': 'vinculada {when}',
  'kiosk.unpair': 'Desvincular',
  'kiosk.unpairNamed': 'Desvincular {name}',
  'kiosk.unpaired': '{name} está desvinculada; ya no puede buscar ni registrar a nadie.',

  'printers.heading': 'Impresoras',
  'printers.noDirect': 'Este equipo imprime guardando un PDF e imprimiéndolo desde su visor de PDF. Elegir una impresora por documento requiere la aplicación de escritorio.',
  'printers.for': 'Impresora para: {document}',
  'printers.ask': 'Sin impresora: guardar como PDF',
  'printers.saved': '{document}: {printer}.',
  'printers.cleared': '{document}: guardar como PDF.',
  'printers.missing': '{printer} (no se encuentra en este equipo)',
};

export const useSettingsText = screenCatalog('settings', settingsEn, settingsEs);
