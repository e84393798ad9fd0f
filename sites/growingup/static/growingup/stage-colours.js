// Each age stage has the colour its editors chose. The Content-Security-Policy allows no style
// attributes, so the colour comes as data-stage-colour and is set here, where a policy allows
// it, as the --stage-colour that guides.css reads (without this script: the site's colour).
document.querySelectorAll("[data-stage-colour]").forEach((element) => {
  element.style.setProperty("--stage-colour", element.dataset.stageColour);
});
